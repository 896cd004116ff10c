package io.kefu.server.content;

import java.util.List;

/**
 * One row of an import file as read, before checking: the cells under the template's columns.
 *
 * @param row the row's number as the editor sees it in the file (1 = the header row of a spreadsheet)
 */
record ImportRow(int row, String id, String category, String question, String similar, String answer, String tags,
                 String validFrom, String validUntil) {

    /** The template's columns, in order: the header an editor sees. */
    static final List<String> HEADERS = List.of("ID（选填，填写则更新该条）", "分类", "标准问题", "相似问题（每行一个，或用##分隔）",
            "答案", "标签", "生效时间", "失效时间");

    /** The column of a header cell: matched by its start, so 相似问题 and ID alone also do; -1 for none. */
    static int column(String header) {
        String h = header == null ? "" : header.strip().replace("\uFEFF", "");
        if (h.isEmpty()) return -1;
        String upper = h.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("ID")) return 0;
        for (int i = 1; i < HEADERS.size(); i++) {
            String name = HEADERS.get(i);
            String stem = name.contains("（") ? name.substring(0, name.indexOf('（')) : name;
            if (h.startsWith(stem)) return i;
        }
        return -1;
    }

    static ImportRow of(int row, String[] cells) {
        return new ImportRow(row, cell(cells, 0), cell(cells, 1), cell(cells, 2), cell(cells, 3), cell(cells, 4),
                cell(cells, 5), cell(cells, 6), cell(cells, 7));
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length && cells[i] != null ? cells[i].strip() : "";
    }

    boolean empty() {
        return (id + category + question + similar + answer + tags + validFrom + validUntil).isBlank();
    }

    String[] cells() {
        return new String[]{id, category, question, similar, answer, tags, validFrom, validUntil};
    }
}
