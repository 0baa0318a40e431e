package dev.modelcost.sample;

import dev.modelcost.Dense;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * LeNet-300-100 (LeCun, Bottou, Bengio and Haffner, 1998, "Gradient-Based Learning Applied to Document
 * Recognition"), the fully connected MNIST classifier that pruning papers such as Han et al. (2015, "Learning
 * both Weights and Connections for Efficient Neural Networks") use as their baseline: a 28x28 digit, flattened
 * to 784 values, through hidden layers of 300 and 100 units to 10 class scores.
 *
 * <p>The activation after each hidden layer is left out, so that the figures are the dense layers' own;
 * {@code @Activation} would add its FLOPs per element and nothing to MACs or parameters.
 */
@Network(name = "LeNet-300-100", input = @Shape(channels = 1, size = {28, 28}))
public final class LeNet300100 {
    @Dense(out = 300) Layer hidden1;
    @Dense(out = 100) Layer hidden2;
    @Dense(out = 10) Layer classes;
}
