/**
 * Dynamic micro-batching: the {@link barista.inference.batching.Batcher} in front of each model
 * version, its {@link barista.inference.batching.BatchPolicy} and the answers it can refuse with.
 */
package barista.inference.batching;
