package io.tieout.cards;

/** Optional filters every card accepts; a null member means "all". */
public record CardScope(String entity, String channel, String source) {
    public static final CardScope ALL = new CardScope(null, null, null);
}
