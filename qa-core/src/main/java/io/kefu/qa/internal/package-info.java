/**
 * What the evaluator and trainer of qa-eval need from inside the pipeline, and nothing else: the ranker's features
 * of text pairs ({@link io.kefu.qa.internal.TextPairs}), what retrieval hands the ranker
 * ({@link io.kefu.qa.internal.RetrievalProbe}) and the intent templates on their own
 * ({@link io.kefu.qa.internal.IntentClassifier}).
 *
 * <p>Please don't depend on the APIs implemented here: they change with the pipeline, without notice. Applications
 * use {@link io.kefu.qa.QaBot} and the dialogue.
 */
package io.kefu.qa.internal;
