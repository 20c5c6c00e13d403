package glassbox.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An n-dimensional array of float32 values that remembers how it was computed.
 *
 * <p>A tensor has a {@link #shape()} and row-major strides into a flat {@link Storage}; views such as
 * {@link #reshape}, {@link #transpose} and slices share the storage of the tensor they come from.
 *
 * <p><b>Autograd.</b> When an input requires a gradient, every op records its result as a node of the
 * computation graph: which op made it ({@link #op()}), from which inputs ({@link #inputs()}), and how to
 * send a gradient back to those inputs. {@link #backward()} walks the graph from the output in reverse
 * topological order and applies the chain rule: each node's gradient dL/dnode is complete before it is
 * passed on. After it, every tensor of the graph, intermediates included, holds its gradient in
 * {@link #grad()}. The gradients of leaves (inputs, weights) accumulate (+=) over backward calls until
 * {@link #zeroGrad()}; an intermediate holds its gradient from the latest backward call.
 *
 * <p>Each op lives with its backward in a small file of this package ({@code Arithmetic}, {@code
 * MathOps}, {@code Reductions}, {@code Views}, {@code Indexing}, {@code MatMul}, {@code Activations});
 * the methods here are the front door. A new op is written the same way: compute the values, create the
 * result with {@link #result}, and give it its backward with {@link #onBackward}; {@link GradCheck} then
 * compares that backward with finite differences.
 */
public final class Tensor {
    // ---- values -------------------------------------------------------------------------------
    final Storage storage;
    final int[] shape;
    final int[] strides;
    final int offset;

    // ---- autograd ------------------------------------------------------------------------------
    private boolean requiresGrad;
    private Tensor grad;
    private final String op;
    private final Tensor[] inputs;
    private final int[] inputVersions;
    private final int ownVersion;
    private Runnable backwardFn;
    private List<Consumer<Tensor>> hooks;
    private String label;

    Tensor(Storage storage, int[] shape, int[] strides, int offset, String op, Tensor[] inputs) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.op = op;
        this.inputs = inputs;
        this.ownVersion = storage.version;
        if (inputs.length > 0) {
            inputVersions = new int[inputs.length];
            for (int i = 0; i < inputs.length; i++) inputVersions[i] = inputs[i].storage.version;
        } else {
            inputVersions = null;
        }
    }

    // =============================================================================================
    // Creation
    // =============================================================================================

    /** A tensor holding {@code data} (not copied) in row-major order with the given shape. */
    public static Tensor fromArray(float[] data, int... shape) {
        int n = Shape.numel(shape);
        if (data.length != n) {
            throw new ShapeException("fromArray: " + data.length + " values cannot fill shape " + Shape.str(shape)
                    + " (which holds " + n + ")");
        }
        return new Tensor(new Storage(data), shape.clone(), Shape.contiguousStrides(shape), 0, "leaf", NO_INPUTS);
    }

    /** A 1-D tensor of these values: {@code Tensor.of(1, 2, 3)}. */
    public static Tensor of(float... values) {
        return fromArray(values.clone(), values.length);
    }

    /** A 1-D tensor from doubles (converted to float32). */
    public static Tensor of(double... values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return fromArray(f, f.length);
    }

    /** A 2-D tensor from rows, which must all have the same length. */
    public static Tensor of(float[][] rows) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        float[] f = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new ShapeException("of: row " + i + " has " + rows[i].length + " values but row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, f, i * c, c);
        }
        return fromArray(f, r, c);
    }

    /** A 2-D tensor from rows of doubles. */
    public static Tensor of(double[][] rows) {
        float[][] f = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = new float[rows[i].length];
            for (int j = 0; j < f[i].length; j++) f[i][j] = (float) rows[i][j];
        }
        return of(f);
    }

    /** A 3-D tensor from nested arrays of the same lengths. */
    public static Tensor of(float[][][] blocks) {
        int a = blocks.length;
        int b = a == 0 ? 0 : blocks[0].length;
        int c = b == 0 ? 0 : blocks[0][0].length;
        float[] f = new float[a * b * c];
        for (int i = 0; i < a; i++) {
            if (blocks[i].length != b) throw new ShapeException("of: block " + i + " has " + blocks[i].length + " rows, block 0 has " + b);
            for (int j = 0; j < b; j++) {
                if (blocks[i][j].length != c) throw new ShapeException("of: row [" + i + "][" + j + "] has " + blocks[i][j].length + " values, row [0][0] has " + c);
                System.arraycopy(blocks[i][j], 0, f, (i * b + j) * c, c);
            }
        }
        return fromArray(f, a, b, c);
    }

    /** A 0-dimensional tensor (shape []) holding one number. */
    public static Tensor scalar(float value) {
        return fromArray(new float[] {value});
    }

    /** All zeros. */
    public static Tensor zeros(int... shape) {
        return fromArray(new float[Shape.numel(shape)], shape);
    }

    /** All ones. */
    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** Every element equal to {@code value}. */
    public static Tensor full(float value, int... shape) {
        float[] f = new float[Shape.numel(shape)];
        Arrays.fill(f, value);
        return fromArray(f, shape);
    }

    /** Zeros with the shape of {@code like}. */
    public static Tensor zerosLike(Tensor like) {
        return zeros(like.shape);
    }

    /** Ones with the shape of {@code like}. */
    public static Tensor onesLike(Tensor like) {
        return ones(like.shape);
    }

    /** 0, 1, ..., end-1. */
    public static Tensor arange(int end) {
        return arange(0, end, 1);
    }

    /** start, start+step, ... up to but excluding end. */
    public static Tensor arange(float start, float end, float step) {
        if (step == 0 || (end - start) / step < 0) {
            throw new IllegalArgumentException("arange: cannot go from " + start + " to " + end + " in steps of " + step);
        }
        int n = (int) Math.ceil((end - start) / step);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = start + i * step;
        return fromArray(f, n);
    }

    /** {@code steps} evenly spaced values from start to end, both included. */
    public static Tensor linspace(float start, float end, int steps) {
        if (steps < 1) throw new IllegalArgumentException("linspace: steps must be at least 1, got " + steps);
        float[] f = new float[steps];
        for (int i = 0; i < steps; i++) f[i] = steps == 1 ? start : start + (end - start) * i / (steps - 1);
        return fromArray(f, steps);
    }

    /** The n x n identity matrix. */
    public static Tensor eye(int n) {
        float[] f = new float[n * n];
        for (int i = 0; i < n; i++) f[i * n + i] = 1;
        return fromArray(f, n, n);
    }

    /** Uniform random values in [0, 1) from the default generator. */
    public static Tensor rand(int... shape) {
        return rand(Generator.getDefault(), shape);
    }

    /** Uniform random values in [0, 1) from {@code gen}. */
    public static Tensor rand(Generator gen, int... shape) {
        float[] f = new float[Shape.numel(shape)];
        for (int i = 0; i < f.length; i++) f[i] = gen.nextFloat();
        return fromArray(f, shape);
    }

    /** Standard normal random values (mean 0, standard deviation 1) from the default generator. */
    public static Tensor randn(int... shape) {
        return randn(Generator.getDefault(), shape);
    }

    /** Standard normal random values from {@code gen}. */
    public static Tensor randn(Generator gen, int... shape) {
        float[] f = new float[Shape.numel(shape)];
        for (int i = 0; i < f.length; i++) f[i] = gen.nextGaussian();
        return fromArray(f, shape);
    }

    /** Reseeds the default generator, like {@code torch.manual_seed}. */
    public static void manualSeed(long seed) {
        Generator.getDefault().manualSeed(seed);
    }

    // =============================================================================================
    // Graph building: how ops create their results (used by the op files, and open to new ops)
    // =============================================================================================

    private static final Tensor[] NO_INPUTS = new Tensor[0];

    /**
     * The result of an op: {@code data} in row-major order with the given shape. If recording is on
     * and some input requires a gradient, the result becomes a node of the graph with those inputs;
     * give it its backward with {@link #onBackward}. Otherwise it is a plain tensor.
     */
    public static Tensor result(float[] data, int[] shape, String op, Tensor... inputs) {
        boolean record = false;
        if (GradMode.isEnabled()) {
            for (Tensor t : inputs) {
                if (t.requiresGrad) {
                    record = true;
                    break;
                }
            }
        }
        int n = Shape.numel(shape);
        if (data.length != n) {
            throw new IllegalStateException(op + ": produced " + data.length + " values for shape " + Shape.str(shape));
        }
        Tensor out = new Tensor(new Storage(data), shape.clone(), Shape.contiguousStrides(shape), 0,
                record ? op : "leaf", record ? inputs.clone() : NO_INPUTS);
        out.requiresGrad = record;
        return out;
    }

    /** A view sharing this tensor's storage, recorded as op {@code op} with backward set by the caller. */
    Tensor view(String op, int[] shape, int[] strides, int offset) {
        boolean record = requiresGrad && GradMode.isEnabled();
        Tensor out = new Tensor(storage, shape, strides, offset, record ? op : "leaf", record ? new Tensor[] {this} : NO_INPUTS);
        out.requiresGrad = record;
        return out;
    }

    /**
     * Sets how this node sends its gradient to its inputs. The function reads {@link #grad()} (complete
     * when it runs) and calls {@link #addGrad} on each input that {@link #requiresGrad()}. Ignored for
     * tensors that are not graph nodes, so ops can call it unconditionally.
     */
    public Tensor onBackward(Runnable backward) {
        if (inputs.length > 0) this.backwardFn = backward;
        return this;
    }

    /** Adds {@code g} (same shape as this tensor) to this tensor's gradient. */
    public void addGrad(Tensor g) {
        if (!requiresGrad) return;
        if (!Arrays.equals(g.shape, shape)) {
            throw new ShapeException("backward of " + op + ": gradient of shape " + Shape.str(g.shape)
                    + " does not match tensor of shape " + Shape.str(shape));
        }
        if (grad == null) {
            grad = fromArray(g.toFloatArray(), shape);
        } else {
            float[] acc = grad.storage.data;
            float[] add = g.data();
            for (int i = 0; i < acc.length; i++) acc[i] += add[i];
        }
    }

    // =============================================================================================
    // Autograd
    // =============================================================================================

    /** Marks this tensor as a leaf whose gradient {@link #backward()} should compute (e.g. a weight). */
    public Tensor requiresGrad(boolean requires) {
        if (inputs.length > 0 && !requires) {
            throw new IllegalStateException("requiresGrad(false): this tensor was computed by " + op
                    + "; use detach() to get a tensor outside the graph");
        }
        this.requiresGrad = requires;
        return this;
    }

    /** True if gradients flow to this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** dL/dthis after {@link #backward()}, or null before. Same shape as this tensor. */
    public Tensor grad() {
        return grad;
    }

    /** Forgets the accumulated gradient (sets it to null). */
    public void zeroGrad() {
        grad = null;
    }

    /** The name of the op that computed this tensor, or "leaf" for inputs and parameters. */
    public String op() {
        return op;
    }

    /** The tensors this one was computed from (empty for a leaf). */
    public List<Tensor> inputs() {
        return Collections.unmodifiableList(Arrays.asList(inputs));
    }

    /** True for a tensor not computed by a recorded op (an input, a weight, a constant). */
    public boolean isLeaf() {
        return inputs.length == 0;
    }

    /** A name shown in the rendered graph and in error messages, e.g. "w1". */
    public Tensor label(String name) {
        this.label = name;
        return this;
    }

    /** The name given with {@link #label(String)}, or null. */
    public String label() {
        return label;
    }

    /** Calls {@code hook} with this tensor's gradient once it is complete during {@link #backward()}. */
    public Tensor registerHook(Consumer<Tensor> hook) {
        if (hooks == null) hooks = new ArrayList<>();
        hooks.add(hook);
        return this;
    }

    /** The same values, cut out of the graph: gradients stop here. Shares storage. */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset, "leaf", NO_INPUTS);
    }

    /** Opens a scope in which ops record no graph: {@code try (var s = Tensor.noGrad()) { ... }}. */
    public static GradMode noGrad() {
        return GradMode.disable();
    }

    /** Backpropagates from this scalar: dL/dL = 1. */
    public void backward() {
        if (numel() != 1) {
            throw new ShapeException("backward(): called on a tensor of shape " + Shape.str(shape)
                    + "; it needs a scalar loss, or pass the output gradient: backward(gradient)");
        }
        backward(onesLike(this));
    }

    /**
     * Backpropagates from this tensor with dL/dthis = {@code gradient}: visits the graph in reverse
     * topological order so that every node's gradient is complete before its backward runs.
     */
    public void backward(Tensor gradient) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward(): this tensor does not require a gradient; no input of the "
                    + "computation had requiresGrad(true) (or it was computed inside noGrad())");
        }
        if (!Arrays.equals(gradient.shape, shape)) {
            throw new ShapeException("backward(gradient): gradient shape " + Shape.str(gradient.shape)
                    + " does not match tensor shape " + Shape.str(shape));
        }
        List<Tensor> order = topologicalOrder();
        // This pass starts from clean gradients: an intermediate's gradient from an earlier pass must not
        // flow again. Leaves put theirs aside and get it back, plus this pass's gradient, at the end.
        Map<Tensor, Tensor> earlier = new IdentityHashMap<>();
        for (Tensor node : order) {
            if (node.grad != null && node.isLeaf()) earlier.put(node, node.grad);
            node.grad = null;
        }
        try (var scope = noGrad()) {
            addGrad(gradient);
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor node = order.get(i);
                if (node.grad == null) continue;
                if (node.hooks != null) {
                    for (Consumer<Tensor> h : node.hooks) h.accept(node.grad);
                }
                if (node.backwardFn == null) continue;
                node.checkInputsUnchanged();
                node.backwardFn.run();
            }
        } finally {
            for (Map.Entry<Tensor, Tensor> e : earlier.entrySet()) {
                Tensor leaf = e.getKey(), old = e.getValue();
                if (leaf.grad != null) {
                    float[] acc = old.storage.data, add = leaf.grad.storage.data;
                    for (int i = 0; i < acc.length; i++) acc[i] += add[i];
                }
                leaf.grad = old;   // the same tensor as before, now holding the sum
            }
        }
    }

    private void checkInputsUnchanged() {
        if (storage.version != ownVersion) {
            throw new IllegalStateException("backward of " + op + ": its result" + (label != null ? " '" + label + "'" : "")
                    + " (shape " + Shape.str(shape) + ") was modified in place after it was computed, so the gradient "
                    + "would be wrong. Do the in-place change on a copy (x.copy()) or after backward().");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].storage.version != inputVersions[i]) {
                Tensor in = inputs[i];
                throw new IllegalStateException("backward of " + op + ": its input " + i
                        + (in.label != null ? " '" + in.label + "'" : "") + " (shape " + Shape.str(in.shape)
                        + ") was modified in place after " + op + " used it, so its gradient would be wrong. "
                        + "Do the in-place change on a copy (x.copy()) or after backward().");
            }
        }
    }

    /** This tensor's computation graph, drawable as SVG or DOT: {@code loss.graph().toSvg()}. */
    public Graph graph() { return Graph.of(this); }

    /** All nodes reachable from this tensor, inputs before the tensors computed from them. */
    public List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        // Iterative depth-first search: long graphs (an RNN over many steps) must not overflow the stack.
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {this, 0});
        seen.put(this, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Tensor t = (Tensor) top[0];
            int next = (Integer) top[1];
            if (next < t.inputs.length) {
                top[1] = next + 1;
                Tensor in = t.inputs[next];
                if (seen.put(in, Boolean.TRUE) == null) stack.push(new Object[] {in, 0});
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    // =============================================================================================
    // Shape and values
    // =============================================================================================

    /** The size of each dimension (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of dimension {@code d} (negative counts from the end). */
    public int size(int d) {
        return shape[Shape.dim("size", d, shape.length)];
    }

    /** Number of dimensions. */
    public int dim() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        return Shape.numel(shape);
    }

    /** The strides into storage, per dimension (a copy). */
    public int[] strides() {
        return strides.clone();
    }

    /** True if the elements lie in storage in row-major order with no gaps. */
    public boolean isContiguous() {
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != s) return false;
            s *= shape[d];
        }
        return true;
    }

    /**
     * The values in row-major order. When this tensor is contiguous and covers its whole storage this
     * is the storage array itself (no copy): read it, do not write it. Otherwise a fresh copy.
     */
    public float[] data() {
        if (offset == 0 && storage.data.length == numel() && isContiguous()) return storage.data;
        return toFloatArray();
    }

    /** A fresh copy of the values in row-major order. */
    public float[] toFloatArray() {
        int n = numel();
        float[] out = new float[n];
        if (isContiguous()) {
            System.arraycopy(storage.data, offset, out, 0, n);
            return out;
        }
        int rank = shape.length;
        int[] idx = new int[rank];
        int pos = offset;
        for (int i = 0; i < n; i++) {
            out[i] = storage.data[pos];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                pos += strides[d];
                if (idx[d] < shape[d]) break;
                pos -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
        return out;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (numel() != 1) {
            throw new ShapeException("item(): tensor of shape " + Shape.str(shape) + " has " + numel() + " values, not 1");
        }
        return storage.data[offset];
    }

    /** The element at the given index, one number per dimension (negative counts from the end). */
    public float get(int... index) {
        return storage.data[position("get", index)];
    }

    /**
     * Writes one element in place. Refused on a tensor that requires grad; bumps the version so a
     * backward pass that needed the old value fails loudly.
     */
    public Tensor set(float value, int... index) {
        checkInPlace("set");
        storage.data[position("set", index)] = value;
        storage.version++;
        return this;
    }

    int position(String op, int[] index) {
        if (index.length != shape.length) {
            throw new ShapeException(op + ": " + index.length + " indices for a tensor with " + shape.length
                    + " dimensions (shape " + Shape.str(shape) + ")");
        }
        int pos = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException(op + ": index " + index[d] + " is out of range for dimension "
                        + d + " of size " + shape[d] + " (shape " + Shape.str(shape) + ")");
            }
            pos += i * strides[d];
        }
        return pos;
    }

    /** Refuses in-place changes to leaves that require grad (change their values inside noGrad()). */
    void checkInPlace(String op) {
        if (requiresGrad && GradMode.isEnabled()) {
            throw new IllegalStateException(op + ": in-place change of a tensor that requires grad"
                    + (label != null ? " ('" + label + "')" : "") + " would corrupt its gradient; "
                    + "do it inside try (var s = Tensor.noGrad()) { ... } (as optimizers do) or on a copy()");
        }
    }

    /** Marks this tensor's storage as changed in place (for code that writes {@link #data()} directly). */
    public void bumpVersion() {
        storage.version++;
    }

    /** The number of in-place changes made to this tensor's storage. */
    public int version() {
        return storage.version;
    }

    // =============================================================================================
    // In-place updates (trailing underscore, as in PyTorch): for optimizers and initialisation
    // =============================================================================================

    /** this = value everywhere, in place. */
    public Tensor fill_(float value) {
        checkInPlace("fill_");
        if (isContiguous()) {
            Arrays.fill(storage.data, offset, offset + numel(), value);
        } else {
            forEachPosition(p -> storage.data[p] = value);
        }
        storage.version++;
        return this;
    }

    /** this = 0 everywhere, in place. */
    public Tensor zero_() {
        return fill_(0f);
    }

    /** this = src (same shape, or broadcastable to it), in place. */
    public Tensor copy_(Tensor src) {
        checkInPlace("copy_");
        float[] v = Views.expandValues("copy_", src, shape);
        if (isContiguous()) {
            System.arraycopy(v, 0, storage.data, offset, v.length);
        } else {
            int[] i = {0};
            forEachPosition(p -> storage.data[p] = v[i[0]++]);
        }
        storage.version++;
        return this;
    }

    /** this += alpha * other, in place (other broadcast to this shape). */
    public Tensor add_(Tensor other, float alpha) {
        checkInPlace("add_");
        float[] v = Views.expandValues("add_", other, shape);
        if (isContiguous()) {
            float[] d = storage.data;
            for (int i = 0; i < v.length; i++) d[offset + i] += alpha * v[i];
        } else {
            int[] i = {0};
            forEachPosition(p -> storage.data[p] += alpha * v[i[0]++]);
        }
        storage.version++;
        return this;
    }

    /** this += other, in place. */
    public Tensor add_(Tensor other) {
        return add_(other, 1f);
    }

    /** this -= other, in place. */
    public Tensor sub_(Tensor other) {
        return add_(other, -1f);
    }

    /** this *= factor, in place. */
    public Tensor mul_(float factor) {
        checkInPlace("mul_");
        if (isContiguous()) {
            float[] d = storage.data;
            for (int i = offset, end = offset + numel(); i < end; i++) d[i] *= factor;
        } else {
            forEachPosition(p -> storage.data[p] *= factor);
        }
        storage.version++;
        return this;
    }

    /** Calls {@code action} with the storage position of every element, in row-major order. */
    private void forEachPosition(java.util.function.IntConsumer action) {
        int n = numel();
        if (isContiguous()) {
            for (int i = 0; i < n; i++) action.accept(offset + i);
            return;
        }
        int rank = shape.length;
        int[] idx = new int[rank];
        int pos = offset;
        for (int i = 0; i < n; i++) {
            action.accept(pos);
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                pos += strides[d];
                if (idx[d] < shape[d]) break;
                pos -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /** A contiguous copy with the same values, outside the graph. */
    public Tensor copy() {
        return fromArray(toFloatArray(), shape);
    }

    // =============================================================================================
    // Ops: each is implemented, forward and backward together, in the file named in the comment
    // =============================================================================================

    // ---- Arithmetic.java: elementwise with broadcasting --------------------------------------
    /** this + other (broadcast). */
    public Tensor add(Tensor other) { return Arithmetic.add(this, other); }
    /** this + c. */
    public Tensor add(float c) { return Arithmetic.add(this, scalar(c)); }
    /** this - other (broadcast). */
    public Tensor sub(Tensor other) { return Arithmetic.sub(this, other); }
    /** this - c. */
    public Tensor sub(float c) { return Arithmetic.sub(this, scalar(c)); }
    /** this * other, elementwise (broadcast). */
    public Tensor mul(Tensor other) { return Arithmetic.mul(this, other); }
    /** this * c. */
    public Tensor mul(float c) { return Arithmetic.mul(this, scalar(c)); }
    /** this / other, elementwise (broadcast). */
    public Tensor div(Tensor other) { return Arithmetic.div(this, other); }
    /** this / c. */
    public Tensor div(float c) { return Arithmetic.div(this, scalar(c)); }
    /** this ^ exponent, elementwise. */
    public Tensor pow(float exponent) { return Arithmetic.pow(this, exponent); }
    /** this ^ exponent, elementwise (broadcast). */
    public Tensor pow(Tensor exponent) { return Arithmetic.pow(this, exponent); }
    /** -this. */
    public Tensor neg() { return Arithmetic.neg(this); }

    // ---- MathOps.java: elementwise functions -------------------------------------------------
    /** e^this. */
    public Tensor exp() { return MathOps.exp(this); }
    /** Natural logarithm. */
    public Tensor log() { return MathOps.log(this); }
    /** Square root. */
    public Tensor sqrt() { return MathOps.sqrt(this); }
    /** |this|. */
    public Tensor abs() { return MathOps.abs(this); }
    /** Limits every value to [min, max]. */
    public Tensor clamp(float min, float max) { return MathOps.clamp(this, min, max); }
    /** Limits every value to at least {@code min}. */
    public Tensor clampMin(float min) { return MathOps.clamp(this, min, Float.POSITIVE_INFINITY); }
    /** Limits every value to at most {@code max}. */
    public Tensor clampMax(float max) { return MathOps.clamp(this, Float.NEGATIVE_INFINITY, max); }
    /** condition ? this : other, elementwise (condition nonzero = true; broadcast). */
    public Tensor where(Tensor condition, Tensor other) { return MathOps.where(condition, this, other); }
    /** condition ? a : b, elementwise (condition nonzero = true; all three broadcast), like torch.where. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) { return MathOps.where(condition, a, b); }
    /** The larger of this and other, elementwise (broadcast). */
    public Tensor maximum(Tensor other) { return MathOps.maximum(this, other); }
    /** The smaller of this and other, elementwise (broadcast). */
    public Tensor minimum(Tensor other) { return MathOps.minimum(this, other); }

    // ---- Comparison.java: elementwise tests, 1 for true and 0 for false (no gradient) ----------
    /** this == other ? 1 : 0. */
    public Tensor eq(Tensor other) { return Comparison.compare("eq", this, other); }
    /** this != other ? 1 : 0. */
    public Tensor ne(Tensor other) { return Comparison.compare("ne", this, other); }
    /** this > other ? 1 : 0. */
    public Tensor gt(Tensor other) { return Comparison.compare("gt", this, other); }
    /** this >= other ? 1 : 0. */
    public Tensor ge(Tensor other) { return Comparison.compare("ge", this, other); }
    /** this < other ? 1 : 0. */
    public Tensor lt(Tensor other) { return Comparison.compare("lt", this, other); }
    /** this <= other ? 1 : 0. */
    public Tensor le(Tensor other) { return Comparison.compare("le", this, other); }
    /** this == c ? 1 : 0. */
    public Tensor eq(float c) { return eq(scalar(c)); }
    /** this != c ? 1 : 0. */
    public Tensor ne(float c) { return ne(scalar(c)); }
    /** this > c ? 1 : 0. */
    public Tensor gt(float c) { return gt(scalar(c)); }
    /** this >= c ? 1 : 0. */
    public Tensor ge(float c) { return ge(scalar(c)); }
    /** this < c ? 1 : 0. */
    public Tensor lt(float c) { return lt(scalar(c)); }
    /** this <= c ? 1 : 0. */
    public Tensor le(float c) { return le(scalar(c)); }

    // ---- Reductions.java ---------------------------------------------------------------------
    /** Sum of all elements (a scalar). */
    public Tensor sum() { return Reductions.sum(this); }
    /** Sum along {@code dim}, which disappears (negative dims count from the end). */
    public Tensor sum(int dim) { return Reductions.sum(this, new int[] {dim}, false); }
    /** Sum along {@code dim}; keepDim keeps it with size 1. */
    public Tensor sum(int dim, boolean keepDim) { return Reductions.sum(this, new int[] {dim}, keepDim); }
    /** Sum along several dimensions. */
    public Tensor sum(int[] dims, boolean keepDim) { return Reductions.sum(this, dims, keepDim); }
    /** Mean of all elements. */
    public Tensor mean() { return Reductions.mean(this); }
    /** Mean along {@code dim}, which disappears. */
    public Tensor mean(int dim) { return Reductions.mean(this, new int[] {dim}, false); }
    /** Mean along {@code dim}. */
    public Tensor mean(int dim, boolean keepDim) { return Reductions.mean(this, new int[] {dim}, keepDim); }
    /** Mean along several dimensions. */
    public Tensor mean(int[] dims, boolean keepDim) { return Reductions.mean(this, dims, keepDim); }
    /** Variance along {@code dim}: mean of (x - mean)^2, divided by n-1 when unbiased. */
    public Tensor var(int dim, boolean keepDim, boolean unbiased) { return Reductions.var(this, dim, keepDim, unbiased); }
    /** Variance of all elements (unbiased, n-1). */
    public Tensor var() { return Reductions.var(this); }
    /** Standard deviation along {@code dim}: sqrt(var). */
    public Tensor std(int dim, boolean keepDim, boolean unbiased) { return Reductions.std(this, dim, keepDim, unbiased); }
    /** Standard deviation of all elements (unbiased, n-1). */
    public Tensor std() { return Reductions.std(this); }
    /** Largest element. */
    public Tensor max() { return Reductions.max(this); }
    /** Largest element along {@code dim}, with its index. */
    public MaxMin max(int dim, boolean keepDim) { return Reductions.max(this, dim, keepDim); }
    /** Smallest element. */
    public Tensor min() { return Reductions.min(this); }
    /** Smallest element along {@code dim}, with its index. */
    public MaxMin min(int dim, boolean keepDim) { return Reductions.min(this, dim, keepDim); }
    /** Index of the largest element along {@code dim} (as float values). */
    public Tensor argmax(int dim) { return Reductions.argmax(this, dim, false); }
    /** Index of the largest element along {@code dim}; keepDim keeps it with size 1. */
    public Tensor argmax(int dim, boolean keepDim) { return Reductions.argmax(this, dim, keepDim); }
    /** Index of the largest element of the flattened tensor. */
    public int argmax() { return Reductions.argmax(this); }
    /** Index of the smallest element along {@code dim} (as float values). */
    public Tensor argmin(int dim) { return Reductions.argmin(this, dim, false); }
    /** Index of the smallest element of the flattened tensor. */
    public int argmin() { return Reductions.argmin(this); }
    /** log(sum(exp(x))) along {@code dim}, computed stably (shifted by the max). */
    public Tensor logsumexp(int dim, boolean keepDim) { return Reductions.logsumexp(this, dim, keepDim); }

    // ---- Views.java: shapes without copying where possible -------------------------------------
    /** Same values, new shape (one size may be -1); a view when the layout allows, else a copy. */
    public Tensor reshape(int... newShape) { return Views.reshape(this, newShape); }
    /** Same values, new shape; requires a contiguous tensor (like PyTorch's view). */
    public Tensor view(int... newShape) { return Views.view(this, newShape); }
    /** Swaps two dimensions (a view). */
    public Tensor transpose(int dim0, int dim1) { return Views.transpose(this, dim0, dim1); }
    /** The transpose of a 2-D tensor (a 0-D or 1-D tensor is returned as it is, as in PyTorch). */
    public Tensor t() {
        if (dim() > 2) {
            throw new ShapeException("t(): expects at most 2 dimensions, got shape " + Shape.str(shape) + "; use transpose(dim0, dim1)");
        }
        return dim() < 2 ? this : Views.transpose(this, 0, 1);
    }
    /** Reorders the dimensions (a view). */
    public Tensor permute(int... dims) { return Views.permute(this, dims); }
    /** Removes all dimensions of size 1. */
    public Tensor squeeze() { return Views.squeeze(this); }
    /** Removes dimension {@code dim} if its size is 1. */
    public Tensor squeeze(int dim) { return Views.squeeze(this, dim); }
    /** Inserts a dimension of size 1 at {@code dim}. */
    public Tensor unsqueeze(int dim) { return Views.unsqueeze(this, dim); }
    /** Repeats size-1 dimensions to {@code newShape} without copying (a view with stride 0). */
    public Tensor expand(int... newShape) { return Views.expand(this, newShape); }
    /** Flattens to 1-D. */
    public Tensor flatten() { return Views.reshape(this, numel()); }
    /** Flattens dimensions startDim..endDim into one. */
    public Tensor flatten(int startDim, int endDim) { return Views.flatten(this, startDim, endDim); }
    /** The elements start, start+step, ... (< end) along {@code dim} (a view). */
    public Tensor slice(int dim, int start, int end, int step) { return Views.slice(this, dim, start, end, step); }
    /** The elements start..end-1 along {@code dim} (a view). */
    public Tensor slice(int dim, int start, int end) { return Views.slice(this, dim, start, end, 1); }
    /** Index {@code i} of the first dimension, that dimension removed (a view). */
    public Tensor get(int i) { return Views.select(this, 0, i); }
    /** Index {@code i} along {@code dim}, that dimension removed (a view). */
    public Tensor select(int dim, int i) { return Views.select(this, dim, i); }
    /** This tensor if contiguous, else a contiguous copy (gradient flows through). */
    public Tensor contiguous() { return Views.contiguous(this); }

    // ---- Indexing.java: gathering and joining --------------------------------------------------
    /** The slices at {@code index} along {@code dim}, e.g. rows of an embedding table. */
    public Tensor indexSelect(int dim, int[] index) { return Indexing.indexSelect(this, dim, index); }
    /** The slices at the positions held in {@code index} (whole numbers) along {@code dim}. */
    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(this, dim, index); }
    /** out[i][j] = this[i][index[i][j]] along {@code dim} (index has the output's shape). */
    public Tensor gather(int dim, Tensor index) { return Indexing.gather(this, dim, index); }
    /** Joins tensors along an existing dimension. */
    public static Tensor cat(List<Tensor> tensors, int dim) { return Indexing.cat(tensors, dim); }
    /** Stacks same-shaped tensors along a new dimension. */
    public static Tensor stack(List<Tensor> tensors, int dim) { return Indexing.stack(tensors, dim); }
    /** Cuts into pieces of {@code size} along {@code dim} (the last may be smaller); each a view. */
    public List<Tensor> split(int size, int dim) { return Indexing.split(this, size, dim); }
    /** Cuts into pieces of the given sizes along {@code dim}; each a view. */
    public List<Tensor> split(int[] sizes, int dim) { return Indexing.split(this, sizes, dim); }
    /** Cuts into {@code chunks} nearly equal pieces along {@code dim}. */
    public List<Tensor> chunk(int chunks, int dim) { return Indexing.chunk(this, chunks, dim); }

    // ---- MatMul.java --------------------------------------------------------------------------
    /**
     * Matrix product with PyTorch's rules: 1-D x 1-D is a dot product, 2-D x 2-D a matrix product, and
     * leading (batch) dimensions broadcast.
     */
    public Tensor matmul(Tensor other) { return MatMul.matmul(this, other); }

    // ---- Activations.java -----------------------------------------------------------------------
    /** 1 / (1 + e^-x). */
    public Tensor sigmoid() { return Activations.sigmoid(this); }
    /** (e^x - e^-x) / (e^x + e^-x). */
    public Tensor tanh() { return Activations.tanh(this); }
    /** max(0, x). */
    public Tensor relu() { return Activations.relu(this); }
    /** x if x > 0 else slope * x. */
    public Tensor leakyRelu(float slope) { return Activations.leakyRelu(this, slope); }
    /** x * Phi(x), with the tanh approximation used by GPT-2. */
    public Tensor gelu() { return Activations.gelu(this); }
    /** e^x_i / sum_j e^x_j along {@code dim}. */
    public Tensor softmax(int dim) { return Activations.softmax(this, dim); }
    /** x_i - log(sum_j e^x_j) along {@code dim}. */
    public Tensor logSoftmax(int dim) { return Activations.logSoftmax(this, dim); }

    // =============================================================================================
    // Printing
    // =============================================================================================

    /** Shape and values, truncated for large tensors as NumPy does. */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
