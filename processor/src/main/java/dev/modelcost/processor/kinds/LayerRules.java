package dev.modelcost.processor.kinds;

import dev.modelcost.AvgPool;
import dev.modelcost.Conv;
import dev.modelcost.Deconv;
import dev.modelcost.GlobalAvgPool;
import dev.modelcost.GlobalMaxPool;
import dev.modelcost.LayerKind;
import dev.modelcost.MaxPool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every layer annotation's rule: a new kind is one line here. */
public final class LayerRules {
    private static final List<LayerRule<?>> ALL = List.of(
            new ConvolutionRule(Conv.class, LayerKind.CONV, false),
            new ConvolutionRule(Deconv.class, LayerKind.DECONV, true),
            new DenseRule(),
            new PoolingRules.Windowed(MaxPool.class, LayerKind.MAX_POOL),
            new PoolingRules.Windowed(AvgPool.class, LayerKind.AVG_POOL),
            new PoolingRules.Global(GlobalMaxPool.class, LayerKind.MAX_POOL),
            new PoolingRules.Global(GlobalAvgPool.class, LayerKind.AVG_POOL),
            new PoolingRules.Adaptive(),
            new BatchNormRule(),
            new GroupNormRule(),
            new LayerNormRule(),
            new PointwiseRules.ActivationRule(),
            new PointwiseRules.ElementwiseRule(),
            new UpsampleRule(),
            new PointwiseRules.DropoutRule(),
            MergeRules.BroadcastRule.add(),
            MergeRules.BroadcastRule.multiply(),
            new ConcatRule(),
            new ChannelRules.SliceRule(),
            new ChannelRules.ShuffleRule(),
            new ChannelRules.FlattenRule(),
            new TokenRules.TokensRule(),
            new TokenRules.ToMapRule(),
            new ReshapeRules.ReshapeRule(),
            new ReshapeRules.PermuteRule(),
            PixelShuffleRule.shuffle(),
            PixelShuffleRule.unshuffle(),
            new TokenRules.SelectTokenRule(),
            RecurrentRule.lstm(),
            RecurrentRule.gru(),
            RecurrentRule.rnn(),
            new AttentionRule(),
            new MatMulRule(),
            new RotaryRule(),
            new LinearRule(),
            new EmbeddingRule(),
            new LearnedRule(),
            new PositionEmbeddingRule(),
            new RmsNormRule(),
            new GatedMlpRule());

    private static final Map<String, LayerRule<?>> BY_ANNOTATION = byAnnotation();

    private LayerRules() {
    }

    /** Every rule, in registration order. */
    public static List<LayerRule<?>> all() {
        return ALL;
    }

    /** The rule of the annotation of this qualified name, or null when it declares no layer. */
    public static LayerRule<?> of(String annotation) {
        return BY_ANNOTATION.get(annotation);
    }

    private static Map<String, LayerRule<?>> byAnnotation() {
        Map<String, LayerRule<?>> rules = new HashMap<>();
        for (LayerRule<?> rule : ALL) {
            if (rules.put(rule.annotation(), rule) != null) {
                throw new IllegalStateException("two rules for @" + rule.annotation());
            }
        }
        return Map.copyOf(rules);
    }
}
