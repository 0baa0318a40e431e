package dev.modelcost.processor.model;

import dev.modelcost.processor.diag.Position;

/**
 * A network's {@code @Generation}: a prompt of {@code prompt} tokens, then {@code tokens} generated one by one.
 *
 * @param prompt {@code P}
 * @param tokens {@code G}
 * @param annotation where {@code @Generation} is
 */
public record GenerationDecl(IntValue prompt, IntValue tokens, Position annotation) {
}
