/**
 * Networks declared with the modelcost annotations, and {@link dev.modelcost.sample.PrintCosts}, a program
 * that prints their cost layer by layer.
 *
 * <p>Each network is one class; while it compiles, the processor generates a {@code <Name>Cost} class
 * beside it. Only convolution, transposed convolution (grouped or depthwise) and dense layers can be declared
 * so far, so normalization, activation, pooling and residual additions are left out where the original
 * networks have them; each class says what it leaves out. None of these changes the multiply-accumulates.
 */
package dev.modelcost.sample;
