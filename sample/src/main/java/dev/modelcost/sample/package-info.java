/**
 * Networks declared with the modelcost annotations, and {@link dev.modelcost.sample.PrintCosts}, a program
 * that prints their cost side by side and, on request, layer by layer.
 *
 * <p>Each network is one class; while it compiles, the processor generates a {@code <Name>Cost} class
 * beside it. {@link dev.modelcost.sample.AlexNet}, {@link dev.modelcost.sample.Vgg16},
 * {@link dev.modelcost.sample.ResNet18}, {@link dev.modelcost.sample.ResNet50},
 * {@link dev.modelcost.sample.MobileNetV2}, {@link dev.modelcost.sample.DcganGenerator} and
 * {@link dev.modelcost.sample.UNet} are declared layer for layer after their reference definitions, which each
 * class names, and their tests check the published multiply-accumulate and parameter counts exactly; so are the
 * sequence models {@link dev.modelcost.sample.VitB16}, {@link dev.modelcost.sample.SwinT} (published
 * multiply-accumulates and parameters), {@link dev.modelcost.sample.Gpt2Small} and
 * {@link dev.modelcost.sample.Llama32OneB} (published parameters), and
 * {@link dev.modelcost.sample.LstmLanguageModel} (parameters from PyTorch's documented shapes). The other
 * classes were declared when only convolution, transposed convolution and dense layers existed; each says
 * what it leaves out.
 */
package dev.modelcost.sample;
