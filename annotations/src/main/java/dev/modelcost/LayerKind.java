package dev.modelcost;

/** What a layer computes; the key to which counting rule applies to it. */
public enum LayerKind {
    /** A convolution, grouped or not ({@link Conv}). */
    CONV,
    /** A transposed convolution, grouped or not ({@link Deconv}). */
    DECONV,
    /** A fully connected layer ({@link Dense}). */
    DENSE,
    /** Max pooling ({@link MaxPool}, {@link GlobalMaxPool}, {@link AdaptivePool} in MAX mode). */
    MAX_POOL,
    /** Average pooling ({@link AvgPool}, {@link GlobalAvgPool}, {@link AdaptivePool} in AVG mode). */
    AVG_POOL,
    /** Batch normalization ({@link BatchNorm}). */
    BATCH_NORM,
    /** Group normalization, also over channels and positions (one group) or instance ({@link GroupNorm}). */
    GROUP_NORM,
    /** Layer normalization over the channels at every position ({@link LayerNorm}). */
    LAYER_NORM,
    /** An activation function ({@link Activation}). */
    ACTIVATION,
    /** Another element-wise layer ({@link Elementwise}). */
    ELEMENTWISE,
    /** Upsampling ({@link Upsample}). */
    UPSAMPLE,
    /** Dropout ({@link Dropout}). */
    DROPOUT,
    /** Element-wise sum of several layers ({@link Add}). */
    ADD,
    /** Element-wise product of several layers ({@link Multiply}). */
    MULTIPLY,
    /** Channel concatenation ({@link Concat}). */
    CONCAT,
    /** A range of channels ({@link Slice}). */
    SLICE,
    /** Channel shuffle ({@link Shuffle}). */
    SHUFFLE,
    /** Flattening to a vector ({@link Flatten}). */
    FLATTEN,
    /** A feature map's positions as a sequence of tokens ({@link Tokens}). */
    TOKENS,
    /** A sequence of tokens back to a feature map ({@link ToMap}). */
    TO_MAP,
    /** The same elements in another shape ({@link Reshape}). */
    RESHAPE,
    /** The dimensions reordered ({@link Permute}). */
    PERMUTE,
    /** Channels moved into the sizes ({@link PixelShuffle}). */
    PIXEL_SHUFFLE,
    /** The sizes moved into the channels ({@link PixelUnshuffle}). */
    PIXEL_UNSHUFFLE,
    /** One token of a sequence, as a vector ({@link SelectToken}). */
    SELECT_TOKEN,
    /** A long short-term memory layer, stacked and bidirectional alike ({@link dev.modelcost.LSTM}). */
    LSTM,
    /** A gated recurrent unit layer, stacked and bidirectional alike ({@link dev.modelcost.GRU}). */
    GRU,
    /** An Elman recurrent layer with tanh or relu, stacked and bidirectional alike ({@link dev.modelcost.RNN}). */
    RNN,
    /** Multi-head attention, self or cross, global or in windows ({@link Attention}). */
    ATTENTION,
    /** A matrix product of two activations ({@link MatMul}). */
    MATMUL,
    /** A rotary position embedding ({@link Rotary}). */
    ROTARY,
    /** A linear layer on the features of every position ({@link Linear}). */
    LINEAR,
    /** A token embedding: a table lookup ({@link Embedding}). */
    EMBEDDING,
    /** A learned tensor added, multiplied or prepended ({@link Learned}). */
    LEARNED,
    /** A learned position embedding added to a sequence ({@link PositionEmbedding}). */
    POSITION_EMBEDDING,
    /** Root mean square normalization over the channels at every position ({@link RMSNorm}). */
    RMS_NORM,
    /** A gated MLP on the features of every position ({@link GatedMlp}). */
    GATED_MLP
}
