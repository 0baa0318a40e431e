package dev.modelcost.processor.kinds;

import dev.modelcost.Activation;
import dev.modelcost.AdaptivePool;
import dev.modelcost.Add;
import dev.modelcost.Attention;
import dev.modelcost.AvgPool;
import dev.modelcost.BatchNorm;
import dev.modelcost.Concat;
import dev.modelcost.Conv;
import dev.modelcost.Deconv;
import dev.modelcost.Dense;
import dev.modelcost.Dropout;
import dev.modelcost.Elementwise;
import dev.modelcost.Embedding;
import dev.modelcost.Flatten;
import dev.modelcost.GRU;
import dev.modelcost.GatedMlp;
import dev.modelcost.GlobalAvgPool;
import dev.modelcost.GlobalMaxPool;
import dev.modelcost.GroupNorm;
import dev.modelcost.LSTM;
import dev.modelcost.LayerKind;
import dev.modelcost.LayerNorm;
import dev.modelcost.Learned;
import dev.modelcost.Linear;
import dev.modelcost.MatMul;
import dev.modelcost.MaxPool;
import dev.modelcost.Multiply;
import dev.modelcost.Permute;
import dev.modelcost.PixelShuffle;
import dev.modelcost.PixelUnshuffle;
import dev.modelcost.PositionEmbedding;
import dev.modelcost.RMSNorm;
import dev.modelcost.RNN;
import dev.modelcost.Reshape;
import dev.modelcost.Rotary;
import dev.modelcost.SelectToken;
import dev.modelcost.Shuffle;
import dev.modelcost.Slice;
import dev.modelcost.ToMap;
import dev.modelcost.Tokens;
import dev.modelcost.Upsample;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every layer annotation's rule: a new kind is a line in {@link #ANNOTATIONS} and a case in {@link #create}.
 * A rule is made when a layer of its kind is first read: a build uses a few of the kinds, and each rule brings
 * its spec and analysis classes, which a compiler's fresh JVM loads one by one.
 */
public final class LayerRules {
    /** The layer annotations, in registration order. */
    private static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(
            Conv.class, Deconv.class, Dense.class, MaxPool.class, AvgPool.class, GlobalMaxPool.class,
            GlobalAvgPool.class, AdaptivePool.class, BatchNorm.class, GroupNorm.class, LayerNorm.class,
            Activation.class, Elementwise.class, Upsample.class, Dropout.class, Add.class, Multiply.class,
            Concat.class, Slice.class, Shuffle.class, Flatten.class, Tokens.class, ToMap.class, Reshape.class,
            Permute.class, PixelShuffle.class, PixelUnshuffle.class, SelectToken.class, LSTM.class, GRU.class,
            RNN.class, Attention.class, MatMul.class, Rotary.class, Linear.class, Embedding.class, Learned.class,
            PositionEmbedding.class, RMSNorm.class, GatedMlp.class);

    /** Their qualified names, in the same order. */
    private static final Set<String> NAMES = names();

    /** The rules made so far, by annotation; a rule holds no state, so one serves every compilation. */
    private static final Map<String, LayerRule<?>> MADE = new ConcurrentHashMap<>();

    private LayerRules() {
    }

    /** The qualified names of every layer annotation, in registration order. */
    public static Set<String> annotations() {
        return NAMES;
    }

    /** Every rule, in registration order. */
    public static List<LayerRule<?>> all() {
        List<LayerRule<?>> rules = new ArrayList<>(NAMES.size());
        for (String annotation : NAMES) {
            rules.add(of(annotation));
        }
        return rules;
    }

    /** The rule of the annotation of this qualified name, or null when it declares no layer. */
    public static LayerRule<?> of(String annotation) {
        if (!NAMES.contains(annotation)) {
            return null;
        }
        LayerRule<?> rule = MADE.get(annotation);
        if (rule == null) {
            LayerRule<?> made = create(annotation.substring(annotation.lastIndexOf('.') + 1));
            rule = MADE.putIfAbsent(annotation, made);
            rule = rule == null ? made : rule;
        }
        return rule;
    }

    /** The rule of the layer annotation of this simple name. */
    private static LayerRule<?> create(String annotation) {
        return switch (annotation) {
            case "Conv" -> new ConvolutionRule(Conv.class, LayerKind.CONV, false);
            case "Deconv" -> new ConvolutionRule(Deconv.class, LayerKind.DECONV, true);
            case "Dense" -> new DenseRule();
            case "MaxPool" -> new PoolingRules.Windowed(MaxPool.class, LayerKind.MAX_POOL);
            case "AvgPool" -> new PoolingRules.Windowed(AvgPool.class, LayerKind.AVG_POOL);
            case "GlobalMaxPool" -> new PoolingRules.Global(GlobalMaxPool.class, LayerKind.MAX_POOL);
            case "GlobalAvgPool" -> new PoolingRules.Global(GlobalAvgPool.class, LayerKind.AVG_POOL);
            case "AdaptivePool" -> new PoolingRules.Adaptive();
            case "BatchNorm" -> new BatchNormRule();
            case "GroupNorm" -> new GroupNormRule();
            case "LayerNorm" -> new LayerNormRule();
            case "Activation" -> new PointwiseRules.ActivationRule();
            case "Elementwise" -> new PointwiseRules.ElementwiseRule();
            case "Upsample" -> new UpsampleRule();
            case "Dropout" -> new PointwiseRules.DropoutRule();
            case "Add" -> MergeRules.BroadcastRule.add();
            case "Multiply" -> MergeRules.BroadcastRule.multiply();
            case "Concat" -> new ConcatRule();
            case "Slice" -> new ChannelRules.SliceRule();
            case "Shuffle" -> new ChannelRules.ShuffleRule();
            case "Flatten" -> new ChannelRules.FlattenRule();
            case "Tokens" -> new TokenRules.TokensRule();
            case "ToMap" -> new TokenRules.ToMapRule();
            case "Reshape" -> new ReshapeRules.ReshapeRule();
            case "Permute" -> new ReshapeRules.PermuteRule();
            case "PixelShuffle" -> PixelShuffleRule.shuffle();
            case "PixelUnshuffle" -> PixelShuffleRule.unshuffle();
            case "SelectToken" -> new TokenRules.SelectTokenRule();
            case "LSTM" -> RecurrentRule.lstm();
            case "GRU" -> RecurrentRule.gru();
            case "RNN" -> RecurrentRule.rnn();
            case "Attention" -> new AttentionRule();
            case "MatMul" -> new MatMulRule();
            case "Rotary" -> new RotaryRule();
            case "Linear" -> new LinearRule();
            case "Embedding" -> new EmbeddingRule();
            case "Learned" -> new LearnedRule();
            case "PositionEmbedding" -> new PositionEmbeddingRule();
            case "RMSNorm" -> new RmsNormRule();
            case "GatedMlp" -> new GatedMlpRule();
            default -> throw new IllegalArgumentException("no rule for @" + annotation);
        };
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Class<? extends Annotation> annotation : ANNOTATIONS) {
            names.add(annotation.getCanonicalName());
        }
        return Collections.unmodifiableSet(names);
    }
}
