package dev.modelcost.sample;

import dev.modelcost.Embedding;
import dev.modelcost.LSTM;
import dev.modelcost.Layer;
import dev.modelcost.Linear;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * The word-level LSTM language model of PyTorch's examples ({@code word_language_model}'s {@code RNNModel('LSTM',
 * ...)}) in the "medium" configuration of Zaremba et al. (2014) on the Penn Treebank: a vocabulary of 10,000 words
 * embedded in 650 features, two LSTM layers of 650, a linear decoder back to the vocabulary, on a sequence of 35
 * tokens (its {@code --bptt}). Dropout is left out: it counts nothing.
 */
@Network(name = "LSTM language model", input = @Shape(channels = 1, size = 35))
public final class LstmLanguageModel {
    @Embedding(vocabulary = 10_000, dim = 650) Layer encoder;
    @LSTM(hidden = 650, layers = 2) Layer rnn;
    @Linear(out = 10_000) Layer decoder;
}
