package io.kefu.server.content;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Import (a dry run first, then all or nothing into drafts), export, the template, the failed rows. */
@RestController
@RequestMapping("/api/content")
class ImportController {

    private final VersionStore versions;
    private final Drafts drafts;
    private final LiveKnowledge live;
    private final Actors actors;

    ImportController(VersionStore versions, Drafts drafts, LiveKnowledge live, Actors actors) {
        this.versions = versions;
        this.drafts = drafts;
        this.live = live;
        this.actors = actors;
    }

    /**
     * A dry run by default: the report, 200 when the file is clean, 422 with every row's problems otherwise. With
     * {@code apply=true} a clean file becomes drafts (all of it, in one transaction); a file with errors changes
     * nothing. With {@code failedRows=true} the answer is the file's failed rows with a 错误原因 column.
     */
    @PostMapping("/imports")
    ResponseEntity<ImportReport> importFile(@RequestParam("file") MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean apply,
                                            @RequestParam(defaultValue = "false") boolean retireMissing,
                                            @RequestParam(defaultValue = "false") boolean failedRows,
                                            Authentication who, HttpServletRequest request,
                                            HttpServletResponse response) throws IOException {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        ImportFormat format = ImportFormat.ofFileName(name);
        Path copy = Files.createTempFile("kefu-import", "." + format.extension);
        try {
            file.transferTo(copy);
            List<ImportRow> rows = ImportFiles.read(format, copy);
            ImportCheck.Plan plan = ImportCheck.check(name, rows, versions.newest(), retireMissing);
            if (failedRows) {
                ImportFormat out = format == ImportFormat.CSV ? ImportFormat.CSV : ImportFormat.XLSX;
                attachment(response, out, "失败行-" + stem(name));
                ExportFiles.failedRows(out, rows, plan.reasons(), response.getOutputStream());
                return null;
            }
            if (!plan.report().ok()) return ResponseEntity.unprocessableContent().body(plan.report());
            if (!apply) return ResponseEntity.ok(plan.report());
            drafts.saveAll(plan.changed(), plan.retire(), actors.of(who, request), "导入 " + name);
            return ResponseEntity.status(HttpStatus.CREATED).body(plan.report().appliedNow());
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The published base (or the entries {@code ids} names), in any import format. */
    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, @RequestParam(required = false) String ids,
                HttpServletResponse response) throws IOException {
        ImportFormat chosen = ImportFormat.ofName(format);
        var inForce = live.inForce();
        List<EntryContent> entries = inForce == null ? List.of() : inForce.entries();
        if (ids != null && !ids.isBlank()) {
            Set<String> wanted = Set.copyOf(Arrays.stream(ids.split(",")).map(String::strip).toList());
            entries = entries.stream().filter(e -> wanted.contains(e.id())).toList();
        }
        attachment(response, chosen, "知识库-发布版本" + (inForce == null ? 0 : inForce.release()));
        ExportFiles.write(chosen, entries, response.getOutputStream());
    }

    /** The empty template with the Chinese headers. */
    @GetMapping("/imports/template")
    void template(@RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response) throws IOException {
        ImportFormat chosen = ImportFormat.ofName(format);
        if (chosen != ImportFormat.XLSX && chosen != ImportFormat.CSV) {
            throw ContentException.invalid("模板只提供 xlsx 和 csv 两种格式。");
        }
        attachment(response, chosen, "知识库导入模板");
        ExportFiles.write(chosen, List.of(), response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, ImportFormat format, String name) {
        response.setContentType(format.mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "." + format.extension, StandardCharsets.UTF_8).build().toString());
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
