package glassbox.tensor;

/**
 * The float32 matrix product behind {@link Tensor#matmul}: C += A B, where A is m x k, B is k x n and C
 * is m x n.
 *
 * <p>What it computes is the triple loop {@code C[i][j] += sum_p A[i][p] * B[p][j]}. How it computes it
 * fast is the classic recipe of optimized BLAS libraries (Goto's algorithm, as in BLIS):
 * <ol>
 *   <li><b>Blocking.</b> The product is cut into blocks that fit the caches: a KC x NC slice of B (L3),
 *       an MC x KC block of A (L2), and a KC x NR sliver of B (L1).</li>
 *   <li><b>Packing.</b> Each block is copied once into a small buffer laid out exactly in the order the
 *       inner loop reads it (A in panels of MR rows, B in panels of NR columns), padded with zeros so
 *       edges need no special case. Packing reads A and B through any strides, so a transposed operand
 *       (A^T B or A B^T, as the backward pass needs) is never copied into a new matrix.</li>
 *   <li><b>A register-tiled micro-kernel.</b> An MR x NR = 4 x 16 tile of C stays in eight 8-float SIMD
 *       registers while the kernel walks along k: per step it loads 16 values of B, broadcasts 4 values
 *       of A and does 8 fused multiply-adds. This uses the Vector API ({@code jdk.incubator.vector})
 *       when the JVM has it; otherwise a plain-Java kernel computes the same tile.</li>
 *   <li><b>Threads.</b> For a large product one operand is packed once and shared, and C is cut into
 *       bands (of columns or rows, whichever side is longer) that the threads of {@link Parallel} take
 *       one at a time.</li>
 * </ol>
 * Small products skip all of this and run the triple loop directly.
 */
public final class Gemm {
    private Gemm() {
    }

    /** Rows and columns of the register tile computed by the micro-kernel. */
    static final int MR = 4, NR = 16;
    /** Cache blocks: a KC x NR sliver of B fits L1, an MC x KC block of A fits L2. */
    static final int KC = 256, MC = 128, NC = 2048;
    /** Products with fewer multiply-adds than this run the plain triple loop (no packing). */
    static final long SMALL = 16 * 16 * 16;
    /** Each extra thread needs at least this many multiply-adds of work to pay for handing it over. */
    static final long WORK_PER_THREAD = 48L * 48 * 48;
    /** An operand packed whole and shared is packed by all threads once it has this many elements. */
    static final long PARALLEL_PACK = 1 << 16;

    /** True when the matrix product runs on the Vector API's SIMD kernel (see {@link Simd}). */
    public static boolean simd() {
        return Simd.enabled;
    }

    /** A one-line description of the kernel in use, e.g. for benchmarks. */
    public static String describe() {
        return (simd() ? "Vector API kernel " : "plain-Java kernel ") + MR + "x" + NR + ", blocks KC=" + KC + " MC=" + MC
                + " NC=" + NC + ", up to " + Parallel.threads() + " thread(s)";
    }

    /** For tests: switch to the plain-Java kernels (false) or back to SIMD if available; returns the old setting. */
    static boolean useSimd(boolean on) {
        return Simd.use(on);
    }

    /** True if the Vector API kernel can be used in this JVM. */
    static boolean simdAvailable() {
        return Simd.AVAILABLE;
    }

    /**
     * C += A B with any strides for A and B:
     * A[i][p] = a[aOff + i*aRs + p*aCs], B[p][j] = b[bOff + p*bRs + j*bCs], C[i][j] = c[cOff + i*ldc + j].
     * A transposed operand is just A with its two strides swapped.
     */
    static void multiply(int m, int n, int k,
                         float[] a, int aOff, int aRs, int aCs,
                         float[] b, int bOff, int bRs, int bCs,
                         float[] c, int cOff, int ldc) {
        multiply(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, false);
    }

    /**
     * The same; {@code cIsZero} promises that this region of C holds zeros (a freshly allocated result),
     * so the first pass over k may store its sums instead of adding them to what C holds (saves a read of C).
     */
    static void multiply(int m, int n, int k,
                         float[] a, int aOff, int aRs, int aCs,
                         float[] b, int bOff, int bRs, int bCs,
                         float[] c, int cOff, int ldc, boolean cIsZero) {
        if (m <= 0 || n <= 0 || k <= 0) return;
        long work = (long) m * n * k;
        if (work <= SMALL || m < 2 && n < NR) {
            small(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc);
            return;
        }
        int threads = Parallel.inParallelPart() ? 1 : (int) Math.min(Parallel.threads(), work / WORK_PER_THREAD);
        if (threads <= 1) {
            blocked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, cIsZero);
        } else if (n >= m) {
            parallelColumns(threads, m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, cIsZero);
        } else {
            parallelRows(threads, m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, cIsZero);
        }
    }

    /** The triple loop, for products too small to be worth packing. */
    private static void small(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                              float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * aRs + p * aCs];
                int bp = bOff + p * bRs;
                if (bCs == 1) {
                    for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
                } else {
                    for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j * bCs];
                }
            }
        }
    }

    /** Packing buffers and an edge tile, one set per thread, reused across calls. */
    private static final class Buffers {
        float[] a = new float[0], b = new float[0], shared = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (a.length < size) a = new float[size];
            return a;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }

        float[] shared(int size) {
            if (shared.length < size) shared = new float[size];
            return shared;
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** The blocked algorithm on one thread: loops over cache blocks, packs them, runs the macro-kernel. */
    private static void blocked(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                                float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc, boolean cIsZero) {
        Buffers buf = BUFFERS.get();
        int kc = evenBlock(k, KC, 1), mcMax = evenBlock(m, MC, MR), ncMax = evenBlock(n, NC, NR);
        for (int jc = 0; jc < n; jc += ncMax) {
            int nc = Math.min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kc) {
                int kb = Math.min(kc, k - pc);
                float[] bp = buf.b(kb * roundUp(nc, NR));
                packB(kb, nc, b, bOff + pc * bRs + jc * bCs, bRs, bCs, bp, 0);
                for (int ic = 0; ic < m; ic += mcMax) {
                    int mc = Math.min(mcMax, m - ic);
                    float[] ap = buf.a(kb * roundUp(mc, MR));
                    packA(mc, kb, a, aOff + ic * aRs + pc * aCs, aRs, aCs, ap, 0);
                    macroKernel(mc, nc, kb, ap, 0, bp, 0, c, cOff + ic * ldc + jc, ldc, buf.tile, cIsZero && pc == 0);
                }
            }
        }
    }

    /**
     * On several threads, when C is wider than tall: A is packed once, whole, and shared; the columns of
     * C are cut into bands that the threads take one at a time, each packing its own columns of B.
     */
    private static void parallelColumns(int threads, int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                                        float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc,
                                        boolean cIsZero) {
        int kc = evenBlock(k, KC, 1), mcMax = evenBlock(m, MC, MR), mPad = roundUp(m, MR);
        float[] ap = BUFFERS.get().shared(mPad * k);
        // Pack all of A (panels of MR rows; big ones shared out between the threads too).
        int panels = mPad / MR, packParts = (long) m * k >= PARALLEL_PACK ? Math.min(threads, panels) : 1;
        Parallel.run(packParts, part -> {
            int r0 = panels * part / packParts * MR, r1 = Math.min(m, panels * (part + 1) / packParts * MR);
            for (int pc = 0; pc < k && r0 < r1; pc += kc) {
                int kb = Math.min(kc, k - pc);
                packA(r1 - r0, kb, a, aOff + r0 * aRs + pc * aCs, aRs, aCs, ap, pc * mPad + r0 * kb);
            }
        });
        int band = bandSize(n, threads, NR), bands = (n + band - 1) / band;
        Parallel.run(bands, q -> {
            Buffers buf = BUFFERS.get();
            int j0 = q * band, nc = Math.min(band, n - j0);
            for (int pc = 0; pc < k; pc += kc) {
                int kb = Math.min(kc, k - pc);
                float[] bp = buf.b(kb * roundUp(nc, NR));
                packB(kb, nc, b, bOff + pc * bRs + j0 * bCs, bRs, bCs, bp, 0);
                for (int ic = 0; ic < m; ic += mcMax) {
                    macroKernel(Math.min(mcMax, m - ic), nc, kb, ap, pc * mPad + ic * kb, bp, 0, c, cOff + ic * ldc + j0, ldc,
                            buf.tile, cIsZero && pc == 0);
                }
            }
        });
    }

    /**
     * On several threads, when C is taller than wide: B is packed once, whole, and shared; the rows of C
     * are cut into bands that the threads take one at a time, each packing its own rows of A.
     */
    private static void parallelRows(int threads, int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                                     float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc,
                                     boolean cIsZero) {
        int kc = evenBlock(k, KC, 1), nPad = roundUp(n, NR);
        float[] bp = BUFFERS.get().shared(nPad * k);
        // Pack all of B (panels of NR columns; big ones shared out between the threads too).
        int panels = nPad / NR, packParts = (long) n * k >= PARALLEL_PACK ? Math.min(threads, panels) : 1;
        Parallel.run(packParts, part -> {
            int c0 = panels * part / packParts * NR, c1 = Math.min(n, panels * (part + 1) / packParts * NR);
            for (int pc = 0; pc < k && c0 < c1; pc += kc) {
                int kb = Math.min(kc, k - pc);
                packB(kb, c1 - c0, b, bOff + pc * bRs + c0 * bCs, bRs, bCs, bp, pc * nPad + c0 * kb);
            }
        });
        int band = bandSize(m, threads, MR), bands = (m + band - 1) / band;
        int mcMax = Math.min(band, MC);
        Parallel.run(bands, q -> {
            Buffers buf = BUFFERS.get();
            int i0 = q * band, mb = Math.min(band, m - i0);
            for (int pc = 0; pc < k; pc += kc) {
                int kb = Math.min(kc, k - pc);
                for (int ic = 0; ic < mb; ic += mcMax) {
                    int mc = Math.min(mcMax, mb - ic);
                    float[] ap = buf.a(kb * roundUp(mc, MR));
                    packA(mc, kb, a, aOff + (i0 + ic) * aRs + pc * aCs, aRs, aCs, ap, 0);
                    macroKernel(mc, n, kb, ap, 0, bp, pc * nPad, c, cOff + (i0 + ic) * ldc, ldc, buf.tile, cIsZero && pc == 0);
                }
            }
        });
    }

    /**
     * Width of the bands a dimension of {@code length} is cut into for {@code threads} threads: about four
     * bands per thread (so a thread that starts late gets fewer), a multiple of {@code unit}, at least 64.
     */
    private static int bandSize(int length, int threads, int unit) {
        int band = roundUp((length + 4 * threads - 1) / (4 * threads), unit);
        return Math.max(band, Math.min(roundUp(64, unit), roundUp(length, unit)));
    }

    /** Block size at most {@code max} (a multiple of {@code unit}) that cuts {@code length} into equal blocks. */
    private static int evenBlock(int length, int max, int unit) {
        int blocks = (length + max - 1) / max;
        return roundUp((length + blocks - 1) / blocks, unit);
    }

    private static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }

    /**
     * Runs the micro-kernel over every MR x NR tile of an mc x nc block of C. With {@code store} (C holds
     * zeros here) the SIMD kernel writes its sums instead of adding them.
     */
    private static void macroKernel(int mc, int nc, int kc, float[] ap, int aBase, float[] bp, int bBase,
                                    float[] c, int cOff, int ldc, float[] tile, boolean store) {
        boolean vector = Simd.enabled;
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int ao = aBase + ir * kc, bo = bBase + jr * kc;
                if (mr == MR && nr == NR) {
                    int co = cOff + ir * ldc + jr;
                    if (vector) GemmSimd.kernel(kc, ap, ao, bp, bo, c, co, ldc, store);
                    else kernel(kc, ap, ao, bp, bo, c, co, ldc);
                } else {
                    // An edge tile: compute the full tile into a scratch tile, add the part inside C.
                    java.util.Arrays.fill(tile, 0f);
                    if (vector) GemmSimd.kernel(kc, ap, ao, bp, bo, tile, 0, NR, true);
                    else kernel(kc, ap, ao, bp, bo, tile, 0, NR);
                    for (int r = 0; r < mr; r++) {
                        int co = cOff + (ir + r) * ldc + jr;
                        for (int j = 0; j < nr; j++) c[co + j] += tile[r * NR + j];
                    }
                }
            }
        }
    }

    /**
     * Packs an mc x kc block of A into panels of MR rows: panel q holds, for p = 0..kc-1, the MR values
     * A[q*MR + r][p] side by side (rows past mc are zeros), starting at ap[apOff].
     */
    static void packA(int mc, int kc, float[] a, int off, int rs, int cs, float[] ap, int apOff) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = apOff + ir * kc;
            int row = off + ir * rs;
            if (mr == MR && cs == 1) {
                int r0 = row, r1 = r0 + rs, r2 = r1 + rs, r3 = r2 + rs;
                for (int p = 0; p < kc; p++, dst += MR) {
                    ap[dst] = a[r0 + p];
                    ap[dst + 1] = a[r1 + p];
                    ap[dst + 2] = a[r2 + p];
                    ap[dst + 3] = a[r3 + p];
                }
            } else {
                for (int p = 0; p < kc; p++, dst += MR) {
                    int src = row + p * cs;
                    for (int r = 0; r < MR; r++) ap[dst + r] = r < mr ? a[src + r * rs] : 0f;
                }
            }
        }
    }

    /**
     * Packs a kc x nc block of B into panels of NR columns: panel q holds, for p = 0..kc-1, the NR values
     * B[p][q*NR + j] side by side (columns past nc are zeros), starting at bp[bpOff].
     */
    static void packB(int kc, int nc, float[] b, int off, int rs, int cs, float[] bp, int bpOff) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int dst = bpOff + jr * kc;
            int col = off + jr * cs;
            if (nr == NR && cs == 1) {
                for (int p = 0; p < kc; p++, dst += NR) System.arraycopy(b, col + p * rs, bp, dst, NR);
            } else {
                // Column by column, so a transposed B (rs == 1) is read along its rows.
                for (int j = 0; j < NR; j++) {
                    int d = dst + j;
                    if (j < nr) {
                        int src = col + j * cs;
                        for (int p = 0; p < kc; p++, d += NR) bp[d] = b[src + p * rs];
                    } else {
                        for (int p = 0; p < kc; p++, d += NR) bp[d] = 0f;
                    }
                }
            }
        }
    }

    /**
     * The plain-Java micro-kernel: C[0..MR)[0..NR) += Apanel Bpanel over kc steps, for a JVM without the
     * Vector API. Same arithmetic as {@code GemmSimd.kernel}, done as eight 2 x 4 sub-tiles whose eight
     * sums stay in registers (more would spill on x86's sixteen float registers).
     */
    static void kernel(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc) {
        for (int r0 = 0; r0 < MR; r0 += 2) {
            for (int j0 = 0; j0 < NR; j0 += 4) {
                float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                int ai = ao + r0, bi = bo + j0;
                for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
                    float x0 = a[ai], x1 = a[ai + 1];
                    float b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
                    c00 += x0 * b0;
                    c01 += x0 * b1;
                    c02 += x0 * b2;
                    c03 += x0 * b3;
                    c10 += x1 * b0;
                    c11 += x1 * b1;
                    c12 += x1 * b2;
                    c13 += x1 * b3;
                }
                int o = co + r0 * ldc + j0;
                c[o] += c00;
                c[o + 1] += c01;
                c[o + 2] += c02;
                c[o + 3] += c03;
                o += ldc;
                c[o] += c10;
                c[o + 1] += c11;
                c[o + 2] += c12;
                c[o + 3] += c13;
            }
        }
    }
}
