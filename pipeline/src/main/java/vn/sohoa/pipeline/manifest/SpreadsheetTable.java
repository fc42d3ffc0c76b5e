package vn.sohoa.pipeline.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * An Excel manifest ({@code .xlsx}, or {@code .xls}): the sheet whose header row names the most
 * known columns. Cells read as they are shown, dates as ISO dates; a merged cell gives its value to
 * every cell it covers, as archivists merge a dossier's code over all its rows.
 */
final class SpreadsheetTable {

    private static final int MAX_ROWS = 100_000;

    private SpreadsheetTable() {
    }

    static List<List<String>> read(Path file) throws ManifestException {
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            List<List<String>> best = List.of();
            int bestScore = -1;
            for (Sheet sheet : workbook) {
                List<List<String>> rows = rows(sheet);
                int score = Manifest.headerScore(rows);
                if (score > bestScore) {
                    best = rows;
                    bestScore = score;
                }
            }
            return best;
        } catch (EncryptedDocumentException e) {
            throw new ManifestException("tệp Excel có mật khẩu; hãy bỏ mật khẩu rồi lưu lại", e);
        } catch (ManifestException e) {
            throw e;
        } catch (Exception e) {
            throw new ManifestException("không phải tệp Excel đọc được (" + e.getClass().getSimpleName() + "); hãy mở "
                    + "bằng Excel và lưu lại với kiểu \"Excel Workbook (*.xlsx)\"", e);
        }
    }

    private static List<List<String>> rows(Sheet sheet) throws ManifestException {
        if (sheet.getLastRowNum() > MAX_ROWS) {
            throw new ManifestException("trang \"" + sheet.getSheetName() + "\" có hơn " + MAX_ROWS + " dòng");
        }
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : text(cell, formatter));
            }
            rows.add(cells);
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            spread(rows, merged);
        }
        return rows;
    }

    private static void spread(List<List<String>> rows, CellRangeAddress merged) {
        if (merged.getFirstRow() >= rows.size()) {
            return;
        }
        List<String> first = rows.get(merged.getFirstRow());
        String value = merged.getFirstColumn() < first.size() ? first.get(merged.getFirstColumn()) : "";
        for (int r = merged.getFirstRow(); r <= merged.getLastRow() && r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = merged.getFirstColumn(); c <= merged.getLastColumn(); c++) {
                while (row.size() <= c) {
                    row.add("");
                }
                row.set(c, value);
            }
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : formatter.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                            cell.getCellStyle().getDataFormatString());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
