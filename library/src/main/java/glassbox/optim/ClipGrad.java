package glassbox.optim;

import glassbox.tensor.Tensor;
import java.util.Collection;

/**
 * Gradient clipping, against exploding gradients (call it between backward() and step()).
 * By norm: if the total norm ||g|| = sqrt(sum of all squared gradient values) exceeds maxNorm, every
 * gradient is scaled by maxNorm / ||g||, so the direction is kept. By value: each value is limited to
 * [-clip, clip].
 */
public final class ClipGrad {
    private ClipGrad() {
    }

    /** Scales all gradients so their total L2 norm is at most maxNorm; returns the norm before clipping. */
    public static float clipGradNorm(Collection<Tensor> params, float maxNorm) {
        double sq = 0;
        for (Tensor p : params) {
            if (p.grad() == null) continue;
            for (float v : p.grad().data()) sq += (double) v * v;
        }
        float norm = (float) Math.sqrt(sq);
        if (norm > maxNorm) {
            float scale = maxNorm / (norm + 1e-6f);
            try (var s = Tensor.noGrad()) {
                for (Tensor p : params) if (p.grad() != null) p.grad().mul_(scale);
            }
        }
        return norm;
    }

    /** Limits every gradient value to [-clip, clip]. */
    public static void clipGradValue(Collection<Tensor> params, float clip) {
        if (clip < 0) throw new IllegalArgumentException("clipGradValue: clip must be >= 0, got " + clip);
        try (var s = Tensor.noGrad()) {
            for (Tensor p : params) {
                if (p.grad() != null) p.grad().copy_(p.grad().clamp(-clip, clip));
            }
        }
    }
}
