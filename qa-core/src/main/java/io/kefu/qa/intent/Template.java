package io.kefu.qa.intent;

import java.util.Objects;

/**
 * One template of an intent, e.g. {@code [帮我|我要|我想]查[一下|询]{phone?}的(话费|余额)}; the language is described
 * in {@code docs/intents.md}.
 *
 * @param text     the template as written
 * @param priority higher wins among hits that are equally exact; the intent's priority unless the file sets one
 */
public record Template(String text, int priority) {

    public Template {
        Objects.requireNonNull(text, "text");
    }
}
