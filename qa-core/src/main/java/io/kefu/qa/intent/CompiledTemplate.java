package io.kefu.qa.intent;

/**
 * A template with the intent it belongs to, as the matcher refers to it.
 *
 * @param index    its position among all templates: the last tie-breaker, so that earlier content wins
 * @param intent   its intent
 * @param template the template
 */
record CompiledTemplate(int index, Intent intent, Template template) {
}
