package io.kefu.qa.intent;

/**
 * How a message puts what an intent hit names: as something the bot should do, as a question about it, or as a
 * plain statement. The decision stage weighs an intent hit against the FAQ by it (docs/intents.md, "Precedence").
 */
public enum Mood {
    /** The customer asks the bot to act: 帮我挂失, 我要投诉, 给我转人工吧, 能不能找个人工. */
    DEMAND,
    /** The customer asks how, why, how much, where, whether: 怎么挂失, 投诉有哪些渠道, 人工客服几点下班. */
    QUESTION,
    /** Neither: 宽带又坏了, 太坑了, 人工人工. */
    STATEMENT
}
