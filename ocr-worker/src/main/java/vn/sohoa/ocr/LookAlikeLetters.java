package vn.sohoa.ocr;

/**
 * Letters Tesseract reads on Vietnamese pages that Vietnamese never uses, set to the Vietnamese
 * letters they stand for: the Icelandic eth (Ð, ð) drawn like Đ, đ (sometimes read beside the Đ it
 * doubles: "CĐÐN"), and ø, an o that a seal's ring or a pen stroke crossed.
 */
final class LookAlikeLetters {

    private LookAlikeLetters() {
    }

    static String toVietnamese(String word) {
        return word.replace("ĐÐ", "Đ").replace("ÐĐ", "Đ").replace('Ð', 'Đ').replace('ð', 'đ')
                .replace('ø', 'o').replace('Ø', 'O');
    }
}
