package vn.sohoa.app.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.AdministrativeMetadata.Field;
import vn.sohoa.core.document.DocumentRecord;
import vn.sohoa.core.document.Page;
import vn.sohoa.core.document.Source;
import vn.sohoa.core.storage.Checksums;
import vn.sohoa.pipeline.metadata.DocumentTypes;

/**
 * Records made from a corpus's documents as an archive of many years would hold them: each one a
 * corpus document given another number, date, issuer, signer and dossier, its pages followed by
 * paragraphs of other documents up to 1-20 pages (most have few), one in twenty marked MẬT; with
 * its original, a Word document or (one in four) a PDF with a text layer holding exactly its text.
 * Record {@code n} has the same text and values at every run (its original's bytes carry the
 * moment they were written).
 */
final class SyntheticRecords {

    /** A record and the bytes of its original, whose SHA-256 is its id. */
    record Made(DocumentRecord record, byte[] original) {
    }

    private static final String[] PLACES = {"Bù Đốp", "Bù Gia Mập", "Lộc Ninh", "Hớn Quản", "Chơn Thành", "Đồng Phú",
        "Bù Đăng", "Phú Riềng", "Đồng Xoài", "Bình Long", "Phước Long", "Biên Hòa", "Long Thành", "Trảng Bom"};
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Quốc", "Minh", "Thanh", "Hồng", "Đức", "Ngọc", "Thị Thu",
        "Hữu"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hưng", "Hùng", "Lan", "Linh",
        "Mai", "Nam", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Ánh", "Khoa"};
    /** Pages a record has, weighted: most records are a page or three, a few reach twenty. */
    private static final int[] PAGE_WEIGHTS = {30, 25, 15, 7, 5, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    private static final Instant LATEST = Instant.parse("2026-11-30T00:00:00Z");

    private final CorpusDocuments corpus;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<String> issuers = new ArrayList<>();

    SyntheticRecords(CorpusDocuments corpus) {
        this.corpus = corpus;
        for (CorpusDocuments.Document doc : corpus.documents()) {
            for (String page : doc.pages()) {
                for (String line : page.split("\n")) {
                    if (line.length() >= 40 && !line.contains("Số:") && !line.contains("ngày")) {
                        paragraphs.add(line);
                    }
                }
            }
            if (doc.issuer() != null && !issuers.contains(doc.issuer())) {
                issuers.add(doc.issuer());
            }
        }
        for (String place : PLACES) {
            issuers.add("LĐLĐ HUYỆN " + place.toUpperCase(Locale.ROOT));
            issuers.add("CÔNG ĐOÀN CƠ SỞ XÃ " + place.toUpperCase(Locale.ROOT));
        }
    }

    Made make(long n) throws IOException {
        Random random = new Random(0x50A0A ^ n * 0x9E3779B97F4A7C15L);
        CorpusDocuments.Document base = corpus.documents().get(random.nextInt(corpus.documents().size()));
        int issuerIndex = random.nextInt(issuers.size());
        String issuer = issuers.get(issuerIndex);
        String signer = signerOf(issuerIndex, random.nextInt(3));
        LocalDate issued = LocalDate.of(2010 + random.nextInt(17), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String codeNumber = Integer.toString(1 + random.nextInt(999));
        String notation = base.notation() != null ? base.notation() : "CV-LĐLĐ";
        String number = codeNumber + "/" + notation;
        boolean secret = random.nextInt(20) == 0;
        String subject = base.subject() == null ? null : base.subject() + " năm " + issued.getYear();

        List<String> pages = new ArrayList<>();
        for (String page : base.pages()) {
            pages.add(rewrite(page, base, number, issued, issuer, signer, subject));
        }
        int pageCount = Math.max(pages.size(), pageCount(random));
        while (pages.size() < pageCount) {
            StringBuilder page = new StringBuilder();
            for (int line = 12 + random.nextInt(14); line > 0; line--) {
                page.append(page.isEmpty() ? "" : "\n").append(paragraphs.get(random.nextInt(paragraphs.size())));
            }
            pages.add(pages.size() - 1, page.toString());
        }
        if (secret) {
            pages.set(0, "MẬT\n" + pages.get(0));
        }
        // The record's serial makes its bytes its own even where two records drew the same values.
        pages.set(pages.size() - 1, pages.get(pages.size() - 1) + "\nLưu: VT, " + Long.toString(n, 36).toUpperCase(Locale.ROOT));

        boolean pdf = random.nextInt(4) == 0;
        byte[] original = pdf ? OriginalFiles.pdf(pages) : OriginalFiles.docx(pages);
        String id = Checksums.sha256(original);
        String folder = "Hồ sơ " + issued.getYear() + "/" + base.topic();
        String fileName = codeNumber + "-" + notation + (pdf ? ".pdf" : ".docx");
        Instant ingested = issued.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(86_400L * random.nextInt(400)
                + random.nextInt(86_400));
        ingested = ingested.isAfter(LATEST) ? LATEST.minusSeconds(random.nextInt(86_400 * 300)) : ingested;
        List<Page> recordPages = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            recordPages.add(Page.textLayer(p + 1, pages.get(p)));
        }
        String type = base.type();
        AdministrativeMetadata metadata = new AdministrativeMetadata(field(number), field(codeNumber), field(notation),
                field(type), field(type == null ? null : DocumentTypes.byName(type).map(DocumentTypes.Type::code).orElse(null)),
                field(issued.toString()), field(base.place()), field(issuer), field(base.parentOrg()), field(subject),
                field(signer), null, field(base.signerTitle()), field(base.signingAuthority()), field(secret ? "MẬT" : null),
                null, List.of());
        DocumentRecord record = new DocumentRecord(id, fileName, folder, pdf ? OriginalFiles.PDF : OriginalFiles.DOCX,
                original.length, ingested, "text", "vie", null, issued, Map.of(), recordPages,
                List.of(new Source(fileName, folder, ingested)), metadata, Map.of(), null);
        return new Made(record, original);
    }

    /** Three signers per issuer, the same at every run. */
    private static String signerOf(int issuer, int which) {
        Random names = new Random(issuer * 7919L + which);
        return FAMILY[names.nextInt(FAMILY.length)] + " " + MIDDLE[names.nextInt(MIDDLE.length)] + " "
                + GIVEN[names.nextInt(GIVEN.length)];
    }

    private static int pageCount(Random random) {
        int total = 0;
        for (int weight : PAGE_WEIGHTS) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int pages = 0; pages < PAGE_WEIGHTS.length; pages++) {
            pick -= PAGE_WEIGHTS[pages];
            if (pick < 0) {
                return pages + 1;
            }
        }
        return 1;
    }

    private static String rewrite(String page, CorpusDocuments.Document base, String number, LocalDate issued,
                                  String issuer, String signer, String subject) {
        String text = page;
        text = replace(text, base.number(), number);
        text = replace(text, base.issuer(), issuer);
        text = replace(text, base.signer(), signer);
        text = replace(text, base.subject(), subject);
        return text.replaceFirst("ngày \\d{1,2} tháng \\d{1,2} năm \\d{4}",
                "ngày " + issued.getDayOfMonth() + " tháng " + issued.getMonthValue() + " năm " + issued.getYear());
    }

    private static String replace(String text, String from, String to) {
        return from == null || to == null || from.isEmpty() ? text : text.replace(from, to);
    }

    private static Field field(String value) {
        return value == null ? null : new Field(value, 1, 1, 1.0);
    }
}
