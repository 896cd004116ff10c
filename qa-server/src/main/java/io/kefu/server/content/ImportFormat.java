package io.kefu.server.content;

import java.util.Locale;

/** The file formats the content team imports and exports. */
enum ImportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8"),
    JSON("json", "application/json"),
    /** The repository's knowledge folder: {@code faq/*.yaml}, zipped. */
    YAML("zip", "application/zip");

    final String extension;
    final String mediaType;

    ImportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format a file's name says, or an error in Chinese. */
    static ImportFormat ofFileName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (ImportFormat format : values()) if (lower.endsWith("." + format.extension)) return format;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return YAML;
        throw ContentException.invalid("不支持的文件类型：" + name + "。请上传 .xlsx、.csv、.json 或 YAML 知识库文件夹的 .zip。");
    }

    /** The format an export asks for ({@code xlsx, csv, json, yaml}). */
    static ImportFormat ofName(String name) {
        return switch (name == null ? "xlsx" : name.strip().toLowerCase(Locale.ROOT)) {
            case "xlsx" -> XLSX;
            case "csv" -> CSV;
            case "json" -> JSON;
            case "yaml", "zip" -> YAML;
            default -> throw ContentException.invalid("不支持的导出格式：" + name + "。可选 xlsx、csv、json、yaml。");
        };
    }
}
