package com.partnersportal.identity.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final String URI = "otpauth://totp/Partners%20Portal:noura%40example.com"
            + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Partners%20Portal&algorithm=SHA1&digits=6&period=30";

    @Test
    void theQrCodeReadsBackAsTheOtpauthUri() throws Exception {
        BitMatrix matrix = QrCodes.matrix(URI);
        int scale = 4;
        int width = matrix.getWidth() * scale;
        int height = matrix.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }

        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels)))).getText();

        assertThat(read).isEqualTo(URI);
    }

    @Test
    void theImageIsAnSvgInADataAddressWithTheQuietZone() {
        String dataUri = QrCodes.svgDataUri(URI);

        assertThat(dataUri).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        BitMatrix matrix = QrCodes.matrix(URI);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("viewBox=\"0 0 %d %d\"".formatted(matrix.getWidth(), matrix.getHeight()))
                .doesNotContain("<script");
        assertThat(matrix.get(0, 0)).as("the corner is quiet zone").isFalse();
        assertThat(matrix.get(4, 4)).as("a finder pattern starts after 4 quiet modules").isTrue();
    }
}
