package io.kefu.server.content;

import java.util.List;

/**
 * What an import would do (a dry run) or did: how many entries it creates, updates, leaves unchanged and retires,
 * and every problem with its row, column and a message in Chinese. A file with any problem applies nothing.
 */
record ImportReport(String file, int rows, int created, int updated, int unchanged, int retired,
                    List<String> createdIds, List<String> updatedIds, List<String> retiredIds, List<RowError> errors,
                    boolean applied) {

    ImportReport {
        createdIds = List.copyOf(createdIds);
        updatedIds = List.copyOf(updatedIds);
        retiredIds = List.copyOf(retiredIds);
        errors = List.copyOf(errors);
    }

    /** One problem: the file's row (as the editor sees it), the template's column, what is wrong. */
    record RowError(int row, String column, String message) {
    }

    boolean ok() {
        return errors.isEmpty();
    }

    ImportReport appliedNow() {
        return new ImportReport(file, rows, created, updated, unchanged, retired, createdIds, updatedIds, retiredIds,
                errors, true);
    }
}
