package glassbox.display;

/** Turns a value of type {@code T} into a {@link MimeBundle}. Register one with {@link Renderers#register}. */
@FunctionalInterface
public interface Renderer<T> {
    MimeBundle render(T value);
}
