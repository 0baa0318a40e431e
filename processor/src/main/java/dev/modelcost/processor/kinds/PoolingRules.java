package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.AdaptivePool;
import dev.modelcost.LayerKind;
import dev.modelcost.PoolMode;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Pooling: windowed ({@code @MaxPool}, {@code @AvgPool}), global ({@code @GlobalMaxPool}, {@code @GlobalAvgPool})
 * and adaptive ({@code @AdaptivePool}, either kind by its mode); the shapes and figures are
 * {@link PoolingAnalyzer}'s.
 */
final class PoolingRules {
    /** Why no pooling layer has a decode step with a key/value cache. */
    private static final String NO_DECODE_STEP = "it pools over tokens, so each new token changes what it gives";
    private static final PoolingAnalyzer ANALYZER = new PoolingAnalyzer();

    private PoolingRules() {
    }

    /** {@code @MaxPool} and {@code @AvgPool}. */
    static final class Windowed extends LayerRule<PoolSpec> {
        private final boolean max;

        Windowed(Class<? extends Annotation> annotation, LayerKind kind) {
            super(annotation, kind, PoolSpec.class);
            this.max = kind == LayerKind.MAX_POOL;
        }

        @Override
        public PoolSpec read(LayerValues values) {
            IntsValue stride = values.isGiven("stride") ? values.ints("stride") : null;
            IntsValue dilation = values.has("dilation") ? values.ints("dilation") : values.fixedInts("dilation", 1);
            return new PoolSpec(max, values.requiredInts("kernel"), stride, values.ints("padding"), dilation,
                    values.bool("ceilMode"));
        }

        @Override
        protected boolean check(LayerDecl layer, PoolSpec pool, Findings findings) {
            return Checks.atLeastOne(pool.kernel(), findings)
                    & (pool.stride() == null || Checks.atLeastOne(pool.stride(), findings))
                    & Checks.atLeastZero(pool.padding(), findings) & Checks.atLeastOne(pool.dilation(), findings);
        }

        /** It pools over tokens: a new token changes what the windows it falls in give. */
        @Override
        protected String noDecodeStep(PoolSpec spec) {
            return NO_DECODE_STEP;
        }

        @Override
        protected String spatialKind(PoolSpec spec) {
            return "a pooling layer";
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, PoolSpec pool, List<TensorShape> inputs, String flattenedBy,
                Findings findings) {
            return ANALYZER.pool(layer, pool, inputs.get(0), findings);
        }

        @Override
        protected GradientWork gradients(PoolSpec pool, List<TensorShape> inputs, LayerFigures figures) {
            return PoolingRules.gradients(pool.max(), figures);
        }
    }

    /** {@code @GlobalMaxPool} and {@code @GlobalAvgPool}. */
    static final class Global extends LayerRule<GlobalPoolSpec.Global> {
        private final boolean max;

        Global(Class<? extends Annotation> annotation, LayerKind kind) {
            super(annotation, kind, GlobalPoolSpec.Global.class);
            this.max = kind == LayerKind.MAX_POOL;
        }

        /** It pools over tokens: a new token changes what the windows it falls in give. */
        @Override
        protected String noDecodeStep(GlobalPoolSpec.Global spec) {
            return NO_DECODE_STEP;
        }

        @Override
        public GlobalPoolSpec.Global read(LayerValues values) {
            return new GlobalPoolSpec.Global(max);
        }

        @Override
        protected String spatialKind(GlobalPoolSpec.Global spec) {
            return "a pooling layer";
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, GlobalPoolSpec.Global pool, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            return ANALYZER.global(layer, inputs.get(0));
        }

        @Override
        protected GradientWork gradients(GlobalPoolSpec.Global pool, List<TensorShape> inputs,
                LayerFigures figures) {
            return PoolingRules.gradients(pool.max(), figures);
        }
    }

    /** {@code @AdaptivePool}: average or max pooling by its mode. */
    static final class Adaptive extends LayerRule<GlobalPoolSpec.Adaptive> {

        Adaptive() {
            super(AdaptivePool.class, LayerKind.AVG_POOL, GlobalPoolSpec.Adaptive.class);
        }

        /** It pools over tokens: a new token changes what the windows it falls in give. */
        @Override
        protected String noDecodeStep(GlobalPoolSpec.Adaptive spec) {
            return NO_DECODE_STEP;
        }

        @Override
        public GlobalPoolSpec.Adaptive read(LayerValues values) {
            return new GlobalPoolSpec.Adaptive(values.enumValue("mode").equals(PoolMode.MAX.name()),
                    values.requiredInts("size"));
        }

        @Override
        protected LayerKind kindFor(GlobalPoolSpec.Adaptive pool) {
            return pool.max() ? LayerKind.MAX_POOL : LayerKind.AVG_POOL;
        }

        @Override
        protected boolean check(LayerDecl layer, GlobalPoolSpec.Adaptive pool, Findings findings) {
            return Checks.atLeastOne(pool.size(), findings);
        }

        @Override
        protected String spatialKind(GlobalPoolSpec.Adaptive spec) {
            return "an adaptive pooling layer";
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, GlobalPoolSpec.Adaptive pool, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            return ANALYZER.adaptive(layer, pool.size(), inputs.get(0), findings);
        }

        @Override
        protected GradientWork gradients(GlobalPoolSpec.Adaptive pool, List<TensorShape> inputs,
                LayerFigures figures) {
            return PoolingRules.gradients(pool.max(), figures);
        }
    }

    /**
     * Max pooling sends each output gradient to its window's maximum, whose position the forward pass kept: one
     * addition per output element (windows may overlap). Average pooling spreads each output gradient over its
     * window: one operation per element of every window, as its forward pass counts.
     */
    private static GradientWork gradients(boolean max, LayerFigures figures) {
        return GradientWork.inputOps(max ? figures.activations() : figures.flops());
    }
}
