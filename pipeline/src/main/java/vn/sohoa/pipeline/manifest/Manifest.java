package vn.sohoa.pipeline.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.sohoa.core.document.ManifestKeys;
import vn.sohoa.core.text.VietnameseText;

/**
 * What an archivist's manifest says about the files of its folder. A row naming a file gives that
 * file's values; a row naming none gives values for every file of the folder, and so does a dossier
 * field (Mã hồ sơ, Tiêu đề hồ sơ, Thời hạn bảo quản, Chế độ sử dụng) that every file row gives alike.
 */
public final class Manifest {

    private static final int HEADER_SEARCH_ROWS = 20;
    private static final Set<String> DOSSIER_KEYS = Set.of(ManifestKeys.FILE_CODE, ManifestKeys.TITLE,
            ManifestKeys.MAINTENANCE, ManifestKeys.MODE);

    private final Map<String, String> dossier;
    private final Map<String, Map<String, String>> byFile;

    private Manifest(Map<String, String> dossier, Map<String, Map<String, String>> byFile) {
        this.dossier = Collections.unmodifiableMap(dossier);
        this.byFile = Collections.unmodifiableMap(byFile);
    }

    /** The values for a file of the folder: the folder's, then its own row's over them. */
    public Map<String, String> valuesFor(String fileName) {
        Map<String, String> values = new LinkedHashMap<>(dossier);
        row(VietnameseText.nfc(fileName)).ifPresent(values::putAll);
        return values;
    }

    /** The values every file of the folder gets. */
    public Map<String, String> dossierValues() {
        return dossier;
    }

    /** The file names the rows give, as written. */
    public Set<String> fileNames() {
        return byFile.keySet();
    }

    /**
     * The row of this file: its exact name (NFC), else the same name in another case, else a row
     * naming it without its extension when only one does.
     */
    private Optional<Map<String, String>> row(String fileName) {
        if (byFile.containsKey(fileName)) {
            return Optional.of(byFile.get(fileName));
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String stem = dot > 0 ? lower.substring(0, dot) : lower;
        List<Map<String, String>> sameStem = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> row : byFile.entrySet()) {
            String named = row.getKey().toLowerCase(Locale.ROOT);
            if (named.equals(lower)) {
                return Optional.of(row.getValue());
            }
            if (named.equals(stem)) {
                sameStem.add(row.getValue());
            }
        }
        return sameStem.size() == 1 ? Optional.of(sameStem.get(0)) : Optional.empty();
    }

    /** How well the rows read as a table: how many known column names their header row has. */
    static int headerScore(List<List<String>> rows) {
        int at = headerRow(rows);
        return at < 0 ? 0 : ManifestColumns.knownHeaders(rows.get(at));
    }

    static Manifest of(List<List<String>> rows) throws ManifestException {
        int headerAt = headerRow(rows);
        if (headerAt < 0) {
            throw new ManifestException("không tìm thấy dòng tên cột ở đầu bảng; dòng này phải ghi tên các cột, ví dụ "
                    + "\"Tên tệp\", \"Số ký hiệu\", \"Ngày văn bản\", \"Tên loại văn bản\", \"Trích yếu nội dung\", "
                    + "\"Mã hồ sơ\"");
        }
        List<String> header = rows.get(headerAt);
        int fileColumn = -1;
        for (int c = 0; c < header.size() && fileColumn < 0; c++) {
            if (ManifestColumns.keyOf(header.get(c)).filter(ManifestColumns.FILE_NAME::equals).isPresent()) {
                fileColumn = c;
            }
        }
        Map<String, String> dossier = new LinkedHashMap<>();
        Map<String, Map<String, String>> byFile = new LinkedHashMap<>();
        for (int r = headerAt + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (r == headerAt + 1 && isColumnNumbering(row)) {
                continue;
            }
            Map<String, String> values = values(header, row, fileColumn);
            String file = fileColumn >= 0 && fileColumn < row.size() ? fileName(row.get(fileColumn)) : "";
            if (file.isEmpty()) {
                dossier.putAll(values);
            } else {
                byFile.computeIfAbsent(file, f -> new LinkedHashMap<>()).putAll(values);
            }
        }
        for (String key : DOSSIER_KEYS) {
            List<String> given = byFile.values().stream().map(v -> v.get(key)).distinct().toList();
            if (!dossier.containsKey(key) && given.size() == 1 && given.get(0) != null) {
                dossier.put(key, given.get(0));
            }
        }
        return new Manifest(dossier, byFile);
    }

    /** The row, among the first ones, that names the most known columns; -1 when none names any. */
    private static int headerRow(List<List<String>> rows) {
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            int score = ManifestColumns.knownHeaders(rows.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private static Map<String, String> values(List<String> header, List<String> row, int fileColumn) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < Math.min(header.size(), row.size()); c++) {
            String name = clean(header.get(c));
            String written = clean(row.get(c));
            if (c == fileColumn || name.isEmpty() || written.isEmpty()) {
                continue;
            }
            Optional<String> key = ManifestColumns.keyOf(name);
            if (key.isPresent()) {
                values.putAll(ManifestValues.of(key.get(), written));
            } else {
                values.put(name, written);
            }
        }
        return values;
    }

    /** A row "(1) (2) (3)..." under the header, as printed mục lục number their columns. */
    private static boolean isColumnNumbering(List<String> row) {
        List<String> cells = row.stream().map(Manifest::clean).filter(c -> !c.isEmpty()).toList();
        return cells.size() >= 2 && cells.stream().allMatch(c -> c.matches("\\(?\\d{1,3}\\)?"));
    }

    /** The last part of what the cell says, in case it holds a path. */
    private static String fileName(String cell) {
        String name = clean(cell).replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1).strip();
    }

    private static String clean(String cell) {
        return cell == null ? "" : VietnameseText.nfc(cell).replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }
}
