package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.GELU;

import dev.modelcost.Activation;
import dev.modelcost.Add;
import dev.modelcost.Attention;
import dev.modelcost.Block;
import dev.modelcost.Embedding;
import dev.modelcost.From;
import dev.modelcost.Layer;
import dev.modelcost.LayerNorm;
import dev.modelcost.Linear;
import dev.modelcost.Network;
import dev.modelcost.Param;
import dev.modelcost.PositionEmbedding;
import dev.modelcost.Shape;
import dev.modelcost.Stage;

/**
 * GPT-2 small (the 124M checkpoint; Radford et al., 2019, as Hugging Face's {@code GPT2LMHeadModel} defines it) on
 * a full context of 1024 tokens: token embeddings of 50,257 x 768 and 1024 learned position embeddings; 12 pre-norm
 * decoder blocks with causal self-attention (12 heads, a fused query/key/value projection with biases) and an MLP
 * of 3072; a last layer norm and the language-model head, whose matrix is the token embedding's.
 */
@Network(name = "GPT-2 small", input = @Shape(channels = 1, size = 1024))
public final class Gpt2Small {
    @Embedding(vocabulary = 50_257, dim = 768) Layer wte;
    @PositionEmbedding(positions = 1024) Layer wpe;
    @Stage(block = DecoderBlock.class, repeat = 12, with = "heads = 12, mlp = 3072") Layer h;
    @LayerNorm Layer lnF;
    @Linear(out = 50_257, bias = false, tiedTo = "wte") Layer lmHead;

    /** Causal self-attention and a GELU MLP, each after a layer norm and around a residual connection. */
    @Block
    static final class DecoderBlock {
        @Param int heads;
        @Param int mlp;
        @LayerNorm Layer ln1;
        @Attention(headsExpr = "heads", causal = true) Layer attn;
        @Add({"attn", From.INPUT}) Layer residual1;
        @LayerNorm Layer ln2;
        @Linear(outExpr = "mlp") Layer cFc;
        @Activation(GELU) Layer gelu;
        @Linear(outExpr = "in") Layer cProj;
        @Add({"cProj", "residual1"}) Layer residual2;
    }
}
