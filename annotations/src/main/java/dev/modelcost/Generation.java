package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text generation by a causal decoder with a key/value cache, on a {@link Network} whose input is a sequence of
 * {@code L} tokens, its longest context: a prompt of {@link #prompt()} tokens is run at once (the prefill), then
 * each further token is one decode step, which runs every layer on that one token and attends over the keys and
 * values cached for the tokens before it. {@code prompt + tokens} must fit in {@code L}, and the network needs
 * causal self-attention.
 *
 * <p>The cost class then states the prefill's FLOPs and roofline latency, one decode step's at the longest
 * context, the FLOPs of generating {@link #tokens()} tokens after the prompt, and the cache's bytes
 * (docs/FORMULAS.md#generation-with-a-keyvalue-cache). Hugging Face's {@code generate(..., use_cache=True)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Generation {
    /** Tokens of the prompt {@code P}, run at once by the prefill; at least 1. */
    int prompt();

    /** Tokens generated after the prompt {@code G}; at least 1. */
    int tokens();
}
