package dev.darkroom.receiver.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DataUrisTest {

    @Test
    void aBase64DataUriIsDecodedIntoTheFile() throws IOException {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);

        try (TempFile file = TempFile.create()) {
            DataUris.decode(uri, file, 1024, 0);

            assertThat(Files.readAllBytes(file.path())).isEqualTo(bytes);
            assertThat(DataUris.mediaType(uri)).isEqualTo("image/png");
        }
    }

    @Test
    void aPercentEncodedDataUriIsDecodedIntoTheFile() throws IOException {
        try (TempFile file = TempFile.create()) {
            DataUris.decode("data:image/svg+xml,%3Csvg%20width%3D%221%22%2F%3E", file, 1024, 0);

            assertThat(Files.readString(file.path(), StandardCharsets.UTF_8)).isEqualTo("<svg width=\"1\"/>");
        }
    }

    @Test
    void aDataUriLargerThanTheCapIsRefusedBeforeDecoding() {
        String uri = "data:image/png;base64," + "A".repeat(4000);

        try (TempFile file = TempFile.create()) {
            assertThatThrownBy(() -> DataUris.decode(uri, file, 1024, 0)).isInstanceOf(TempFile.TooLarge.class);
            assertThat(file.size()).isZero();
        }
    }

    @Test
    void aDataUriWithoutDataIsInvalid() {
        try (TempFile file = TempFile.create()) {
            assertThatThrownBy(() -> DataUris.decode("data:image/png;base64", file, 1024, 3))
                    .isInstanceOf(OutputRejectedException.class)
                    .hasMessage("output 3 is a data: URI without data");
        }
    }

    @Test
    void aBrokenPercentEscapeIsInvalid() {
        try (TempFile file = TempFile.create()) {
            assertThatThrownBy(() -> DataUris.decode("data:image/svg+xml,%3", file, 1024, 0))
                    .isInstanceOf(OutputRejectedException.class)
                    .hasMessage("output 0 is a malformed data: URI");
        }
    }
}
