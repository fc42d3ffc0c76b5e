package vn.sohoa.pipeline.metadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.sohoa.core.document.AdministrativeMetadata;
import vn.sohoa.core.document.AdministrativeMetadata.Field;
import vn.sohoa.core.document.Page;
import vn.sohoa.core.text.TextMetrics;
import vn.sohoa.core.text.VietnameseSyllables;
import vn.sohoa.core.text.VietnameseText;

/**
 * Reads an administrative document's metadata from its text, as an archivist reads the page: the
 * header (issuing body, number, place and date), the type name and subject under it, and the
 * signature block at the end. Lines are recognised by what they say, not by their order, so the
 * header of a Word table read row by row is understood as well as an OCRed one.
 */
public final class AdministrativeReader {

    private static final int HEADER_LINES = 25;
    private static final int FOOTER_LINES = 30;
    private static final Pattern NUMBER = Pattern.compile("^S[ốôo6ó]\\s*[:;.]*\\s*" + DocumentNumber.NUMBER_AND_NOTATION);
    /** A number whose slash OCR lost before the type's abbreviation ({@code Số: 55HD-LĐLĐ}). */
    private static final Pattern NUMBER_WITHOUT_SLASH = Pattern.compile("^(S[ốôo6ó]\\s*[:;.]*\\s*\\d{1,5})\\s*(\\p{L}{2,3})(\\s*[-–])");
    /** Where the right column of the header begins when OCR read both columns as one line. */
    private static final Pattern MOTTO = Pattern.compile("^(.*?\\p{L}.*?)\\s+(?:[^\\p{Lu}\\s]{1,2}\\s+)?((?:[CG]ỘNG\\s*H(?:ÒA|OÀ)|Độc\\s+lập)\\s.*)$");
    /** A secrecy or urgency mark read on the same line as what stands beside it. */
    private static final Pattern MARK_BEFORE = Pattern.compile("^[^\\p{L}]*(TUYỆT MẬT|TỐI MẬT|MẬT|THƯỢNG KHẨN|HỎA TỐC|KHẨN)[^\\p{L}]*\\s+(\\p{Lu}.*)$");
    private static final Pattern DATE = Pattern.compile(
            "^(.*?),?\\s*ng[àa]y\\s*(\\d{1,2})\\s*th[áa]ng\\s*(\\d{1,2})\\s*n[ăa]m\\s*(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_ENDS_IN_A_MARK_ALONE = Pattern.compile("(?s).*\\p{L}\\s+[^\\p{L}\\p{N}\\s\"”)]+\\s*");
    /** The signing authority ("TM. BAN THƯỜNG VỤ"), after any speck read before it (".TM."). */
    private static final Pattern AUTHORITY = Pattern.compile("^[^\\p{L}]*(TM|KT|Q|TL|TUQ)\\s*[.,]\\s*(\\p{Lu}[\\p{Lu}\\s]+)$");
    private static final Pattern SUBJECT_CONTINUES = Pattern.compile("^(\\p{Ll}|\\d|[-–]\\s*\\d|\\()");
    private static final Pattern NUMBER_START = Pattern.compile("^[^\\p{L}]*S[ỐốÔôOo6Óó]\\s*[:;.]", Pattern.CASE_INSENSITIVE);
    /** The national motto, its C misread G at times. */
    private static final Pattern MOTTO_START = Pattern.compile("^[CG]ỘNG\\s*H(?:ÒA|OÀ)|^ĐỘC\\s+LẬP");
    /** An appendix's page: "(Kèm theo Kế hoạch số ...)" under its heading. */
    private static final Pattern APPENDIX = Pattern.compile("^\\(?\\s*Kèm theo\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> BODY_STARTS = List.of("kính gửi", "căn cứ", "thực hiện", "theo ");
    private static final List<String> ORG_STARTS = List.of("TỔNG", "LĐLĐ", "LIÊN ĐOÀN", "CÔNG ĐOÀN", "CĐCS", "CĐ ",
            "BAN", "ỦY BAN", "UBND", "ĐẢNG", "HỘI", "SỞ", "PHÒNG", "TRƯỜNG", "CÔNG TY", "BCH", "BTV", "ĐOÀN", "UBKT");
    private static final List<String> SECRECY = List.of("TUYỆT MẬT", "TỐI MẬT", "MẬT");
    private static final List<String> URGENCY = List.of("THƯỢNG KHẨN", "HỎA TỐC", "KHẨN");
    /** A signer's title whose first words were lost, or an authority whose "TM."/"KT." was, set from the lists. */
    private static final double LOST_TITLE_WORDS = 0.6;
    /** A signer whose given name, doubted by OCR and no given name as read, was set as the one reading alike. */
    private static final double LISTED_GIVEN_NAME = 0.6;

    private AdministrativeReader() {
    }

    /**
     * A header line that reads as a secrecy mark but for its diacritics ({@code MAT}, {@code TOI MẶT}: a
     * stamp read badly) is taken for the mark it folds to, at low confidence: the record counts as
     * secret until an archivist says otherwise, never the other way round.
     */
    private static String doubtfulSecrecy(String upper) {
        String folded = VietnameseText.fold(upper).replaceAll("[^A-Z ]", "").replaceAll("\\s+", " ").strip();
        for (String mark : SECRECY) {
            if (VietnameseText.fold(mark).equals(folded)) {
                return mark;
            }
        }
        return null;
    }

    public static AdministrativeMetadata read(List<Page> pages) {
        if (pages.isEmpty()) {
            return AdministrativeMetadata.empty();
        }
        List<String> first = columnsApart(lines(pages.get(0).text()));
        int titleAt = titleLine(first);
        int headerEnd = titleAt >= 0 ? titleAt : bodyStart(first);

        Field number = null;
        Field codeNumber = null;
        Field codeNotation = null;
        Field date = null;
        Field place = null;
        Field secrecy = null;
        Field urgency = null;
        Field letterSubject = null;
        List<Integer> orgLines = new ArrayList<>();
        for (int i = 0; i < headerEnd; i++) {
            String line = first.get(i);
            String upper = letters(line).toUpperCase(Locale.ROOT);
            Matcher n = NUMBER.matcher(normaliseNumber(line));
            Matcher d = DATE.matcher(line);
            if (number == null && n.find()) {
                DocumentNumber read = DocumentNumber.of(n, 1);
                number = field(read.toString(), 1, i, 0.9);
                codeNumber = field(read.number(), 1, i, 0.9);
                codeNotation = field(read.notation(), 1, i, 0.9);
            } else if (date == null && d.find()) {
                date = isoDate(d, i);
                String where = d.group(1).replaceAll("[,.:]+$", "").replaceFirst("^[^\\p{L}]+", "").strip();
                place = where.isEmpty() ? null : field(where, 1, i, 0.8);
            } else if (line.startsWith("V/v") || line.startsWith("V/V")) {
                int end = subjectEnd(first, i, headerEnd);
                letterSubject = subject(pages, first, i, end, line.substring(3).strip());
            } else if (SECRECY.contains(upper)) {
                secrecy = field(upper, 1, i, 0.9);
            } else if (secrecy == null && doubtfulSecrecy(upper) != null) {
                secrecy = field(doubtfulSecrecy(upper), 1, i, 0.5);
            } else if (URGENCY.contains(upper)) {
                urgency = field(upper, 1, i, 0.9);
            } else if (isOrganisation(line, number, letterSubject)) {
                orgLines.add(i);
            }
        }

        Field type = null;
        Field subject = letterSubject;
        if (titleAt >= 0) {
            DocumentTypes.Type titled = DocumentTypes.byTitle(first.get(titleAt)).orElseThrow();
            type = field(titled.name(), 1, titleAt, 0.95);
            String notation = codeNotation == null ? null : withTitleAbbreviation(codeNotation.value(), titled);
            if (notation != null && !notation.equals(codeNotation.value())) {
                codeNotation = field(notation, 1, codeNotation.line(), 0.8);
                number = field(new DocumentNumber(codeNumber.value(), notation).toString(), 1, number.line(), 0.8);
            }
            if (titleAt + 1 < first.size() && !isBodyStart(first.get(titleAt + 1))) {
                int end = subjectEnd(first, titleAt + 1, first.size());
                subject = subject(pages, first, titleAt + 1, end, first.get(titleAt + 1));
            }
        } else if (codeNotation != null && DocumentTypes.byNotation(codeNotation.value()).isPresent()) {
            type = field(DocumentTypes.byNotation(codeNotation.value()).get().name(), 1, codeNotation.line(), 0.7);
        } else if (letterSubject != null || number != null) {
            // A "V/v" line under a number whose notation names no type is how a letter is written (NĐ 30).
            type = field(DocumentTypes.CONG_VAN.name(), 1, letterSubject != null ? letterSubject.line() : number.line(),
                    letterSubject != null && number != null ? 0.9 : 0.7);
        }
        Field typeCode = type == null ? null : field(DocumentTypes.byTitle(type.value()).map(DocumentTypes.Type::code)
                .orElse(null), type.page(), type.line(), type.confidence());

        Field parent = null;
        Field issuer = null;
        RecordWords body = new RecordWords(linesAfter(pages, first, headerEnd));
        List<String> orgs = orgLines.stream().map(first::get).map(AdministrativeReader::organisationName).toList();
        if (!orgs.isEmpty()) {
            boolean hasParent = orgs.size() > 1 && startsLikeOrganisation(orgs.get(1));
            String issuerRead = body.spelled(String.join(" ", hasParent ? orgs.subList(1, orgs.size()) : orgs));
            String issuerName = place == null ? issuerRead : endedByPlace(issuerRead, place.value());
            String parentName = hasParent ? body.spelled(orgs.get(0)) : null;
            boolean sure = issuerName.equals(issuerRead) && wellFormed(issuerName) && startsLikeOrganisation(issuerName)
                    && (parentName == null || wellFormed(parentName) && startsLikeOrganisation(parentName))
                    && (typed(pages.get(0)) || body.containsTail(issuerName) || place != null && issuerName.endsWith(" " + place.value().toUpperCase(Locale.ROOT)));
            parent = hasParent ? field(parentName, 1, orgLines.get(0), sure ? 0.9 : 0.7) : null;
            issuer = field(issuerName, 1, orgLines.get(hasParent ? 1 : 0), sure ? 0.95 : 0.7);
        }

        Signature signature = Signature.read(pages, body);
        return new AdministrativeMetadata(number, codeNumber, codeNotation, type, typeCode, date, place, issuer, parent,
                subject, signature.signer, signature.partialSigner, signature.title, signature.authority, secrecy, urgency,
                signature.recipients);
    }

    /** The signature block and the recipients list: at the end of the last page that has them. */
    private record Signature(Field authority, Field title, Field signer, Field partialSigner, List<String> recipients) {

        /**
         * The block of the last page that has one, an appendix's pages after the document's own left
         * aside (their tables list names that sign nothing); a whole name checked against the same
         * name elsewhere in the record, and spelled as there when only its diacritics differ.
         */
        static Signature read(List<Page> pages, RecordWords words) {
            for (int p = pages.size() - 1; p >= 0; p--) {
                List<String> lines = lines(pages.get(p).text());
                if (p > 0 && isAppendix(lines)) {
                    continue;
                }
                Signature found = read(lines, pages.get(p).number());
                if (found != null) {
                    return found.checkedAgainst(words, pages.get(p));
                }
            }
            return new Signature(null, null, null, null, List.of());
        }

        private static boolean isAppendix(List<String> lines) {
            return lines.stream().limit(8).anyMatch(line -> APPENDIX.matcher(line).find());
        }

        private Signature checkedAgainst(RecordWords words, Page page) {
            if (signer == null) {
                return this;
            }
            String longer = words.longerName(signer.value());
            if (longer != null) {
                return new Signature(authority, title, new Field(longer, signer.page(), signer.line(), 0.8), partialSigner,
                        recipients);
            }
            String spelled = words.spelledOnce(signer.value());
            boolean named = PersonNames.read(spelled, 1).map(name -> name.value().equals(spelled)).orElse(false);
            if (!named) {
                return this;
            }
            boolean asRead = spelled.equals(signer.value());
            Optional<String> listed = asRead && givenNameDoubted(page, spelled)
                    ? PersonNames.withListedGivenName(spelled) : Optional.empty();
            if (listed.isPresent()) {
                return new Signature(authority, title, new Field(listed.get(), signer.page(), signer.line(),
                        Math.min(signer.confidence(), LISTED_GIVEN_NAME)), partialSigner, recipients);
            }
            boolean confirmed = words.occurrences(spelled) >= 2 || signer.confidence() >= 0.7 && ReadingConfidence.sure(page, spelled);
            double confidence = asRead && confirmed && wellFormed(spelled) ? Math.max(signer.confidence(), 0.9)
                    : asRead ? signer.confidence() : 0.8;
            return new Signature(authority, title, new Field(spelled, signer.page(), signer.line(), confidence),
                    partialSigner, recipients);
        }

        private static boolean givenNameDoubted(Page page, String name) {
            double[] each = ReadingConfidence.ofEach(page, name);
            return each != null && each[each.length - 1] < ReadingConfidence.SURE_WORDS;
        }

        /** The block on this page, or null when the page has none. */
        private static Signature read(List<String> lines, int page) {
            int from = Math.max(0, lines.size() - FOOTER_LINES);
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).startsWith("Nơi nhận")) {
                    from = i;
                }
            }
            int authorityAt = -1;
            int lastName = -1;
            for (int i = from; i < lines.size(); i++) {
                if (AUTHORITY.matcher(lines.get(i)).matches()) {
                    authorityAt = i;
                }
                if (isName(lines.get(i))) {
                    lastName = i;
                }
            }
            List<String> recipients = recipients(lines, from);
            if (authorityAt >= 0) {
                Matcher m = AUTHORITY.matcher(lines.get(authorityAt));
                m.matches();
                Field authority = field(m.group(1) + ". " + SigningTitles.tidy(m.group(2)), page, authorityAt, 0.85);
                int i = authorityAt + 1;
                List<String> title = new ArrayList<>();
                while (i < lines.size() && isCapitals(lines.get(i)) && !isName(lines.get(i))) {
                    title.add(SigningTitles.tidy(lines.get(i++)));
                }
                Field signer = null;
                for (int j = i; j < Math.min(lines.size(), i + 4) && signer == null; j++) {
                    int at = j;
                    signer = PersonNames.read(lines.get(j), 0.8).map(name -> field(name.value(), page, at, name.confidence()))
                            .orElse(null);
                }
                Field titleField = title.isEmpty() ? null : signerTitle(String.join(" ", title), authority.value(), page,
                        authorityAt + 1, 0.8);
                return new Signature(authority, titleField, signer,
                        signer == null ? partialName(lines, i, Math.min(lines.size(), i + 4), page) : null, recipients);
            }
            if (lastName < 0) {
                return titledPartialName(lines, from, page, recipients);
            }
            if (recipients.isEmpty() && lastName < lines.size() - 3) {
                return null;
            }
            int titleFrom = lastName;
            while (titleFrom > from && isCapitals(lines.get(titleFrom - 1))) {
                titleFrom--;
            }
            if (lastName + 1 < lines.size() && lastName + 3 >= lines.size() && isCapitals(lines.get(lastName + 1))) {
                // Two blocks side by side (a biên bản) whose right one, the one signing, has no name read.
                String rightTitle = SigningTitles.tidy(lines.get(lastName + 1));
                return new Signature(null, field(rightTitle, page, lastName + 1, 0.6), null, null, recipients);
            }
            PersonNames.Name name = PersonNames.read(lines.get(lastName), 0.7).orElseThrow();
            String lost = SigningTitles.lostAuthority(lines.subList(titleFrom, lastName)).orElse(null);
            int titleAt = lost == null ? titleFrom : titleFrom + 1;
            String title = titleAt == lastName ? null
                    : SigningTitles.tidy(String.join(" ", lines.subList(titleAt, lastName)));
            return new Signature(lost == null ? null : field(lost, page, titleFrom, LOST_TITLE_WORDS),
                    title == null ? null : signerTitle(title, lost, page, titleAt, 0.7),
                    field(name.value(), page, lastName, name.confidence()), null, recipients);
        }

        /** The signer's title as read, or the whole title when only its end was read (less sure then). */
        private static Field signerTitle(String read, String authority, int page, int line, double confidence) {
            return SigningTitles.completed(read, authority).map(whole -> field(whole, page, line, LOST_TITLE_WORDS))
                    .orElse(field(read, page, line, confidence));
        }

        /** The given names left of a name whose family name could not be read, on the first line of these that has them. */
        private static Field partialName(List<String> lines, int from, int to, int page) {
            for (int j = from; j < to; j++) {
                int at = j;
                Field found = PersonNames.givenNames(lines.get(j)).map(names -> field(names, page, at, 0.7)).orElse(null);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /**
         * Given names on one of the last lines of the page, under a line in capitals: a signature block
         * whose authority line and family name could not be read. The capitals are not taken for the
         * signer's title, since they may be the end of the unread authority ("TM. ĐOÀN / CHỦ TỊCH").
         */
        private static Signature titledPartialName(List<String> lines, int from, int page, List<String> recipients) {
            for (int at = lines.size() - 1; at >= Math.max(from + 1, lines.size() - 3); at--) {
                Optional<String> names = PersonNames.givenNames(lines.get(at));
                boolean underBlock = isCapitals(lines.get(at - 1)) || at == lines.size() - 1 && lines.get(at - 1).matches("^[-+].*");
                if (underBlock && names.isPresent()) {
                    return new Signature(null, null, null, field(names.get(), page, at, 0.7), recipients);
                }
            }
            return null;
        }

        private static List<String> recipients(List<String> lines, int from) {
            List<String> recipients = new ArrayList<>();
            boolean inList = false;
            for (int i = from; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("Nơi nhận")) {
                    inList = true;
                } else if (inList && line.startsWith("-")) {
                    recipients.add(line.replaceFirst("^-\\s*", "").replaceAll("[;.]$", "").strip());
                } else if (inList && !recipients.isEmpty()) {
                    inList = false;
                }
            }
            return recipients;
        }
    }

    private static int titleLine(List<String> lines) {
        for (int i = 0; i < Math.min(HEADER_LINES, lines.size()); i++) {
            if (DocumentTypes.byTitle(lines.get(i)).isPresent() && isCapitals(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int bodyStart(List<String> lines) {
        for (int i = 0; i < Math.min(HEADER_LINES, lines.size()); i++) {
            if (isBodyStart(lines.get(i))) {
                return i;
            }
        }
        return Math.min(12, lines.size());
    }

    private static boolean isBodyStart(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return BODY_STARTS.stream().anyMatch(lower::startsWith);
    }

    /**
     * Where the subject that starts at this line ends: the lines that carry on its sentence start in
     * lower case or with a number, or, after a line as long as a subject's first line is, are a short
     * line in capitalised words that is no start of the body (the end of a company's or person's name).
     */
    private static int subjectEnd(List<String> lines, int at, int end) {
        int i = at + 1;
        while (i < end && i < lines.size() && i - at < 4) {
            String next = withoutSpecks(lines.get(i));
            boolean continues = SUBJECT_CONTINUES.matcher(next).find()
                    || lines.get(i - 1).length() >= 48 && next.length() < 50 && !next.contains(":")
                    && !isCapitals(next) && Character.isUpperCase(next.codePointAt(0));
            if (!continues || isBodyStart(next)) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * The subject read from these lines, its first one starting with {@code first}: lines joined, a
     * dash that only broke the line dropped, specks and typographic quotes tidied, and each word the
     * rest of the record spells otherwise between the same neighbours spelled as there, words of
     * fixed phrases set right ({@link FixedPhrases}). Sure when
     * every word is well formed and stands beside the same neighbour elsewhere in the record.
     */
    private static Field subject(List<Page> pages, List<String> lines, int at, int end, String first) {
        StringBuilder text = new StringBuilder(first);
        for (int i = at + 1; i < end; i++) {
            String previous = text.toString();
            boolean brokenWord = previous.matches(".*\\p{L}\\s*[-–]$") && lines.get(i).matches("^\\p{L}.*");
            if (brokenWord) {
                text.setLength(previous.replaceFirst("\\s*[-–]$", "").length());
            }
            text.append(' ').append(withoutSpecks(lines.get(i)));
        }
        String tidy = text.toString().replace('“', '"').replace('”', '"').replace('„', '"')
                .replaceAll("\\s+[^\\p{L}\\p{N}\"(\\-–]+(?=\\s)", "")
                .replaceAll("(\\p{L})[.:;](?=\\s+\\p{L})", "$1")
                .replaceAll("[\\s.,:;]+$", "").replaceAll("\\s+", " ").strip();
        List<String> others = new ArrayList<>();
        for (Page page : pages) {
            List<String> pageLines = page == pages.get(0) ? lines : lines(page.text());
            for (int i = 0; i < pageLines.size(); i++) {
                if (page != pages.get(0) || i < at || i >= end) {
                    others.add(pageLines.get(i));
                }
            }
        }
        RecordWords words = new RecordWords(others);
        // The body is OCRed too: a word Tesseract was sure of in the subject is kept as read.
        String spelled = FixedPhrases.spelled(words.spelled(tidy, ReadingConfidence.ofEach(pages.get(0), tidy)));
        double confidence = !spelled.equals(tidy) ? 0.85
                : wellFormed(spelled) && (typed(pages.get(0)) || words.attests(spelled)) ? 0.95 : 0.8;
        return field(spelled, 1, at, endsInAMarkAlone(text, pages.get(0)) ? Math.min(confidence, 0.8) : confidence);
    }

    /**
     * A mark standing alone after the subject's last word ("... công đoàn cơ .") is what OCR made of
     * something it could not read there: a last word may be lost ("sở"), so the subject is not sure.
     */
    private static boolean endsInAMarkAlone(CharSequence subject, Page page) {
        return !typed(page) && SUBJECT_ENDS_IN_A_MARK_ALONE.matcher(subject).matches();
    }

    /** The record's lines after the first page's header. */
    private static List<String> linesAfter(List<Page> pages, List<String> first, int headerEnd) {
        List<String> after = new ArrayList<>(first.subList(Math.min(headerEnd, first.size()), first.size()));
        for (int p = 1; p < pages.size(); p++) {
            after.addAll(lines(pages.get(p).text()));
        }
        return after;
    }

    /** The line without the marks a speck left before its first word. */
    private static String withoutSpecks(String line) {
        return line.replaceFirst("^['`´‘’.,:;_~^]+\\s*", "");
    }

    /** Text from the file itself, as typed: no OCR misreading to fear. */
    private static boolean typed(Page page) {
        return Page.TEXT_LAYER.equals(page.method());
    }

    /**
     * Every word a Vietnamese syllable, a number, an abbreviation in capitals or a Roman numeral, or
     * a system's name written in mixed case ({@code VOffice}).
     */
    static boolean wellFormed(String phrase) {
        for (String token : phrase.split("\\s+")) {
            String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            boolean fine = word.isEmpty() || word.matches("[\\d./-]+") || VietnameseSyllables.isValid(word)
                    || word.length() <= 6 && word.equals(word.toUpperCase(Locale.ROOT)) && word.matches("[\\p{Lu}\\d]+")
                    || word.matches("[a-zA-Z]*[a-z][A-Z][a-zA-Z]*");
            if (!fine) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOrganisation(String line, Field number, Field letterSubject) {
        if (number != null || letterSubject != null || !isCapitals(line) || NUMBER_START.matcher(line).find()) {
            return false;
        }
        return !MOTTO_START.matcher(line.toUpperCase(Locale.ROOT)).find();
    }

    /**
     * An issuer whose last word OCR cut short where it names the place of the date line ("LĐLĐ HUYỆN
     * BÙ ĐỐ" over "Bù Đốp, ngày ..."): that word is the place's word it begins. A body is named after
     * its locality (NĐ 30), and no word of a name is a mere beginning of the place's.
     */
    private static String endedByPlace(String issuer, String place) {
        String[] words = issuer.split(" ");
        String[] placeWords = place.toUpperCase(Locale.ROOT).split("\\s+");
        String last = words[words.length - 1];
        for (int k = 0; k < placeWords.length && k < words.length - 1; k++) {
            int from = words.length - 1 - k;
            boolean aligned = Arrays.equals(words, from, words.length - 1, placeWords, 0, k);
            if (aligned && placeWords[k].length() > last.length() && placeWords[k].startsWith(last)) {
                return String.join(" ", Arrays.copyOf(words, from)) + " "
                        + String.join(" ", Arrays.copyOf(placeWords, k + 1));
            }
        }
        return issuer;
    }

    private static boolean startsLikeOrganisation(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        return ORG_STARTS.stream().anyMatch(upper::startsWith);
    }

    private static boolean isName(String line) {
        return PersonNames.read(line, 1).isPresent();
    }

    /** Mostly capital letters, as titles, bodies and positions are printed. */
    private static boolean isCapitals(String line) {
        String letters = letters(line).replace(" ", "");
        if (letters.length() < 2) {
            return false;
        }
        long upper = letters.codePoints().filter(Character::isUpperCase).count();
        return upper >= letters.length() * 0.85;
    }

    private static String letters(String line) {
        return line.replaceAll("[^\\p{L}\\s]", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * The notation with its type abbreviation set right when OCR misread one letter of it and the
     * title says which type it is ({@code TIr-LĐLĐ} under the title TỜ TRÌNH is {@code TTr-LĐLĐ}).
     */
    private static String withTitleAbbreviation(String notation, DocumentTypes.Type titled) {
        String[] parts = notation.split("-", 2);
        String abbreviation = titled.abbreviation();
        if (DocumentTypes.byNotation(notation).isPresent() || abbreviation == null || parts[0].isEmpty()) {
            return notation;
        }
        int differences = TextMetrics.distance(parts[0].toUpperCase(Locale.ROOT), abbreviation.toUpperCase(Locale.ROOT));
        boolean close = differences == 1 || differences == 2 && abbreviation.length() >= 3
                && Character.toUpperCase(parts[0].charAt(0)) == abbreviation.charAt(0);
        return close ? abbreviation + (parts.length > 1 ? "-" + parts[1] : "") : notation;
    }

    /**
     * The line with OCR's look-alikes of Đ made Đ, a speck read before "Số" dropped, and the slash
     * put back between a number and a type's abbreviation.
     */
    private static String normaliseNumber(String line) {
        String tidy = line.replace("ĐÐ", "Đ").replace("ÐĐ", "Đ").replace('Ð', 'Đ').replace('ð', 'đ')
                .replaceFirst("^[^\\p{L}\\p{N}]+", "");
        Matcher slashLost = NUMBER_WITHOUT_SLASH.matcher(tidy);
        if (slashLost.find() && DocumentTypes.byNotation(slashLost.group(2)).isPresent()) {
            return slashLost.group(1) + "/" + tidy.substring(slashLost.start(2));
        }
        return tidy;
    }

    /**
     * The header's lines with what OCR read as one line set apart: the two columns (the issuer beside
     * the national motto, the number beside the place and date) and a mark beside them.
     */
    private static List<String> columnsApart(List<String> lines) {
        List<String> apart = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i < HEADER_LINES) {
                setApart(lines.get(i), apart);
            } else {
                apart.add(lines.get(i));
            }
        }
        return apart;
    }

    private static void setApart(String line, List<String> apart) {
        Matcher motto = MOTTO.matcher(line);
        // The motto's words first: on a long line without them the pattern tries every split in vain.
        if ((line.contains("ỘNG") || line.contains("Độc")) && motto.matches()) {
            setApart(motto.group(1), apart);
            apart.add(motto.group(2));
            return;
        }
        String numbered = normaliseNumber(line);
        Matcher number = NUMBER.matcher(numbered);
        if (number.find() && numbered.substring(number.end()).matches(".*\\p{L}{2}.*")) {
            apart.add(numbered.substring(0, number.end()));
            setApart(numbered.substring(number.end()).strip(), apart);
            return;
        }
        Matcher mark = MARK_BEFORE.matcher(line);
        if (mark.matches()) {
            apart.add(mark.group(1));
            apart.add(mark.group(2));
            return;
        }
        apart.add(line);
    }

    /**
     * An organisation's name with the one misreading OCR makes in nearly every header fixed ("TÍNH"
     * is no word of a name, "TỈNH" (province) is) and specks read after it dropped.
     */
    private static String organisationName(String lines) {
        String name = lines.replaceAll("\\bTÍNH\\b", "TỈNH").replaceFirst("[^\\p{L}\\p{N})]+$", "")
                .replaceFirst("^[^\\p{L}\\p{N}(]+", "");
        return Arrays.stream(name.split("\\s+")).map(VietnameseSyllables::apart).collect(Collectors.joining(" "));
    }

    private static Field isoDate(Matcher m, int line) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(2)));
            return field(date.toString(), 1, line, 0.9);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : VietnameseText.nfc(text).split("\n")) {
            String strip = line.strip();
            if (!strip.isEmpty() && strip.codePoints().anyMatch(Character::isLetterOrDigit)) {
                lines.add(strip);
            }
        }
        return lines;
    }

    private static Field field(String value, int page, int lineIndex, double confidence) {
        return value == null || value.isBlank() ? null : new Field(value, page, lineIndex + 1, confidence);
    }
}
