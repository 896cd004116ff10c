package io.kefu.qa;

/** Knowledge content that cannot be used, with where the problem is: file, entry and field. */
public final class KnowledgeException extends RuntimeException {

    private final String source;
    private final String location;
    private final String field;

    public KnowledgeException(String source, String location, String field, String problem) {
        super(source + (location.isEmpty() ? "" : " " + location) + (field.isEmpty() ? "" : " field '" + field + "'")
                + ": " + problem);
        this.source = source;
        this.location = location;
        this.field = field;
    }

    public String source() {
        return source;
    }

    public String location() {
        return location;
    }

    public String field() {
        return field;
    }
}
