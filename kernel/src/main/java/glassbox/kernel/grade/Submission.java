package glassbox.kernel.grade;

import glassbox.kernel.exec.Engine;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.VarSnippet;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a student's notebook defined, for the tests of an assignment: its methods, classes and variables,
 * looked up by name in the JShell session that ran the notebook (the grader's, or the live kernel's for
 * {@code %check}). A test declares it as a parameter and JUnit injects it:
 * <pre>{@code
 * @Test @Points(2)
 * void stepMovesTowardsTheTarget(Submission sub) {
 *     float[] w = sub.call("perceptronStep", new float[]{0, 0, 0}, new float[]{1, 1, 1}, 1f, 0.5f);
 *     Expect.close(new float[]{0.5f, 0.5f, 0.5f}, w, "perceptronStep(w=0, x=1, y=1, lr=0.5)");
 * }
 * }</pre>
 * When a name is missing, the test fails with a message telling the student what to define.
 */
public final class Submission {
    private final Engine engine;
    private final Map<String, Function<Object[], Object>> calls = new ConcurrentHashMap<>();

    public Submission(Engine engine) {
        this.engine = engine;
    }

    /** The engine (JShell session) behind this submission. */
    public Engine engine() { return engine; }

    // ---- methods ----

    /**
     * Calls the student's top-level method {@code name} with {@code args} and returns its result (null for
     * void). The method is chosen by name and number of arguments; numbers are converted to the
     * parameter types ({@code 1} works for a {@code float} parameter).
     */
    @SuppressWarnings("unchecked")
    public <T> T call(String name, Object... args) {
        MethodInfo m = method(name, args.length, null);
        return (T) invoke(m, args);
    }

    /** Calls the method {@code name} whose parameter types are exactly {@code types}. */
    @SuppressWarnings("unchecked")
    public <T> T callTyped(String name, Class<?>[] types, Object... args) {
        MethodInfo m = method(name, types.length, typeNames(types));
        return (T) invoke(m, args);
    }

    /** True if the notebook defines a top-level method {@code name}. */
    public boolean hasMethod(String name) {
        return !methods(name).isEmpty();
    }

    private record MethodInfo(String name, List<String> params, String returnType) {
        String key() { return name + "(" + String.join(",", params) + ")"; }
    }

    private List<MethodInfo> methods(String name) {
        return engine.call(() -> {
            JShell js = engine.jshell();
            return js.methods().filter(m -> m.name().equals(name) && js.status(m).isActive())
                    .map(Submission::info).collect(Collectors.toList());
        });
    }

    private static MethodInfo info(MethodSnippet m) {
        String sig = m.signature();                      // "(float[],float[],float,float)float[]"
        String params = m.parameterTypes();
        List<String> ps = params.isEmpty() ? List.of() : splitTypes(params);
        String ret = sig.substring(sig.lastIndexOf(')') + 1);
        return new MethodInfo(m.name(), ps, ret);
    }

    /** Splits "Map<String,Integer>,int" at top-level commas. */
    private static List<String> splitTypes(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (c == ',' && depth == 0) { out.add(s.substring(start, i).strip()); start = i + 1; }
        }
        out.add(s.substring(start).strip());
        return out;
    }

    private MethodInfo method(String name, int arity, List<String> types) {
        List<MethodInfo> all = methods(name);
        if (all.isEmpty()) {
            throw new AssertionFailedError("Your notebook does not define a method " + name + "(...). "
                    + "Define it (with exactly this name) in the cell of the question, and run that cell.");
        }
        List<MethodInfo> fit = all.stream().filter(m -> m.params().size() == arity
                && (types == null || m.params().equals(types))).toList();
        if (fit.size() != 1) {
            String have = all.stream().map(MethodInfo::key).collect(Collectors.joining(", "));
            String want = types == null ? arity + " parameter" + (arity == 1 ? "" : "s") : String.join(", ", types);
            throw new AssertionFailedError("The tests call " + name + " with " + want + ", but your notebook defines "
                    + have + ". Keep the method's parameters as the assignment gives them.");
        }
        return fit.get(0);
    }

    private Object invoke(MethodInfo m, Object[] args) {
        Function<Object[], Object> f = calls.computeIfAbsent(m.key(), k -> compileCall(m));
        Object[] converted = new Object[args.length];
        for (int i = 0; i < args.length; i++) converted[i] = convert(args[i], m.params().get(i));
        return f.apply(converted);
    }

    @SuppressWarnings("unchecked")
    private Function<Object[], Object> compileCall(MethodInfo m) {
        StringBuilder call = new StringBuilder(m.name()).append('(');
        for (int i = 0; i < m.params().size(); i++) {
            if (i > 0) call.append(", ");
            call.append("(").append(m.params().get(i)).append(") a[").append(i).append(']');
        }
        call.append(')');
        String body = m.returnType().equals("void") ? "{ " + call + "; return null; }" : "{ return " + call + "; }";
        return (Function<Object[], Object>) engine.evaluate(
                "(java.util.function.Function<Object[], Object>) a -> " + body);
    }

    private static Object convert(Object value, String type) {
        if (!(value instanceof Number n)) return value;
        return switch (type) {
            case "float" -> n.floatValue();
            case "double" -> n.doubleValue();
            case "int" -> n.intValue();
            case "long" -> n.longValue();
            case "short" -> n.shortValue();
            case "byte" -> n.byteValue();
            default -> value;
        };
    }

    private static List<String> typeNames(Class<?>[] types) {
        List<String> out = new ArrayList<>();
        for (Class<?> t : types) out.add(t.isArray() ? t.getComponentType().getSimpleName() + "[]".repeat(dims(t)) : t.getSimpleName());
        return out;
    }

    private static int dims(Class<?> t) {
        int d = 0;
        while (t.isArray()) { d++; t = t.getComponentType(); }
        return d;
    }

    // ---- variables ----

    /** The value of the student's variable {@code name}, checked to be a {@code type}. */
    public <T> T variable(String name, Class<T> type) {
        Object v = variable(name);
        Class<?> boxed = box(type);
        if (v != null && !boxed.isInstance(v)) {
            throw new AssertionFailedError("Your variable " + name + " is a " + v.getClass().getSimpleName()
                    + ", but the tests expect a " + type.getSimpleName() + ".");
        }
        @SuppressWarnings("unchecked") T t = (T) v;
        return t;
    }

    /** The value of the student's variable {@code name}. */
    public Object variable(String name) {
        boolean defined = engine.call(() -> {
            JShell js = engine.jshell();
            return js.variables().anyMatch((VarSnippet v) -> v.name().equals(name) && js.status(v).isActive());
        });
        if (!defined) {
            throw new AssertionFailedError("Your notebook does not define a variable " + name
                    + ". Define it (with exactly this name) and run its cell.");
        }
        return engine.evaluate(name);
    }

    /** True if the notebook defines a variable {@code name}. */
    public boolean hasVariable(String name) {
        return engine.call(() -> {
            JShell js = engine.jshell();
            return js.variables().anyMatch((VarSnippet v) -> v.name().equals(name) && js.status(v).isActive());
        });
    }

    // ---- classes ----

    /** The student's class (or interface, record, enum) {@code name}. */
    public Class<?> type(String name) {
        boolean defined = engine.call(() -> {
            JShell js = engine.jshell();
            return js.types().anyMatch(t -> t.name().equals(name) && js.status(t).isActive());
        });
        if (!defined) {
            throw new AssertionFailedError("Your notebook does not define a class " + name
                    + ". Define it (with exactly this name) and run its cell.");
        }
        return (Class<?>) engine.evaluate(name + ".class");
    }

    /** A new instance of the student's class {@code name}, through the constructor that fits {@code args}. */
    public Object newInstance(String name, Object... args) {
        Class<?> k = type(name);
        for (Constructor<?> c : k.getDeclaredConstructors()) {
            Object[] a = fit(c.getParameterTypes(), args);
            if (a == null) continue;
            try {
                c.setAccessible(true);
                return c.newInstance(a);
            } catch (InvocationTargetException e) {
                throw sneaky(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionFailedError("Could not create a " + name + ": " + e, e);
            }
        }
        throw new AssertionFailedError("Your class " + name + " has no constructor taking " + describe(args)
                + ". Keep the constructor the assignment gives.");
    }

    /** Calls the instance method {@code name} of {@code target} (an object of the student's class). */
    @SuppressWarnings("unchecked")
    public <T> T invoke(Object target, String name, Object... args) {
        Class<?> k = target.getClass();
        for (Class<?> c = k; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.getName().equals(name)) continue;
                Object[] a = fit(m.getParameterTypes(), args);
                if (a == null) continue;
                try {
                    m.setAccessible(true);
                    return (T) m.invoke(target, a);
                } catch (InvocationTargetException e) {
                    throw sneaky(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionFailedError("Could not call " + name + ": " + e, e);
                }
            }
        }
        throw new AssertionFailedError("Your class " + k.getSimpleName() + " has no method " + name + " taking "
                + describe(args) + ".");
    }

    /** The value of field {@code name} of {@code target}. */
    public Object field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                var f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new AssertionFailedError("Could not read field " + name + ": " + e, e);
            }
        }
        throw new AssertionFailedError("Your class " + target.getClass().getSimpleName() + " has no field " + name + ".");
    }

    private static Object[] fit(Class<?>[] params, Object[] args) {
        if (params.length != args.length) return null;
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Class<?> p = params[i];
            Object a = args[i];
            if (p.isPrimitive() && a instanceof Number) a = convert(a, p.getName());
            if (a == null ? p.isPrimitive() : !box(p).isInstance(a)) return null;
            out[i] = a;
        }
        return out;
    }

    private static String describe(Object[] args) {
        if (args.length == 0) return "no arguments";
        List<String> names = new ArrayList<>();
        for (Object a : args) names.add(a == null ? "null" : a.getClass().getSimpleName());
        return "(" + String.join(", ", names) + ")";
    }

    static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) return t;
        return switch (t.getName()) {
            case "int" -> Integer.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            case "long" -> Long.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            default -> Void.class;
        };
    }

    private static RuntimeException sneaky(Throwable t) {
        Submission.<RuntimeException>throwAs(t);
        return new IllegalStateException(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void throwAs(Throwable t) throws E {
        throw (E) t;
    }
}
