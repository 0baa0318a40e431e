package dev.modelcost.sample;

import dev.modelcost.Add;
import dev.modelcost.Attention;
import dev.modelcost.Block;
import dev.modelcost.Embedding;
import dev.modelcost.From;
import dev.modelcost.GatedMlp;
import dev.modelcost.Layer;
import dev.modelcost.Linear;
import dev.modelcost.Network;
import dev.modelcost.RMSNorm;
import dev.modelcost.Shape;
import dev.modelcost.Stage;

/**
 * A decoder of Llama 3.2 1B's published configuration (Meta, 2024: {@code vocab_size} 128,256, {@code hidden_size}
 * 2048, 16 layers, 32 attention heads, 8 key/value heads, {@code intermediate_size} 8192, tied embeddings, no
 * biases) on 2048 tokens: token embeddings; 16 pre-norm blocks of grouped-query causal self-attention with rotary
 * position embeddings on each 64-dimension head and a SwiGLU MLP, RMS-normalized; a last RMSNorm and the head,
 * whose matrix is the embedding's.
 */
@Network(name = "Llama 3.2 1B", input = @Shape(channels = 1, size = 2048))
public final class Llama32OneB {
    @Embedding(vocabulary = 128_256, dim = 2048) Layer embedTokens;
    @Stage(block = DecoderLayer.class, repeat = 16) Layer layers;
    @RMSNorm Layer norm;
    @Linear(out = 128_256, bias = false, tiedTo = "embedTokens") Layer lmHead;

    /** Grouped-query attention and a gated MLP, each after an RMSNorm and around a residual connection. */
    @Block
    static final class DecoderLayer {
        @RMSNorm Layer inputNorm;
        @Attention(heads = 32, kvHeads = 8, causal = true, bias = false, rotary = 64) Layer selfAttn;
        @Add({"selfAttn", From.INPUT}) Layer residual1;
        @RMSNorm Layer postAttentionNorm;
        @GatedMlp(hidden = 8192) Layer mlp;
        @Add({"mlp", "residual1"}) Layer residual2;
    }
}
