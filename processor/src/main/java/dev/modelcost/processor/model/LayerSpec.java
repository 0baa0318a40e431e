package dev.modelcost.processor.model;

/** The settings of one layer kind, resolved to numbers. */
public sealed interface LayerSpec
        permits ConvSpec, DenseSpec, PoolSpec, GlobalPoolSpec, NormSpec, GroupNormSpec, PointwiseSpec, UpsampleSpec, MergeSpec,
        ChannelSpec {
}
