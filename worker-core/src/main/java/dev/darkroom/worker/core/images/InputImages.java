package dev.darkroom.worker.core.images;

import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.ParamType;
import dev.darkroom.contracts.catalog.ParameterSpec;
import dev.darkroom.falclient.FalClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a job's input images ({@code image_url}, {@code end_image_url}) safe and usable for fal before the submit:
 * each is fetched and checked (address, type, size); a tenant's public image is then passed through unchanged,
 * while a previous job's output from Darkroom's own storage (or every image, when configured) is uploaded to fal's
 * storage, with a lifetime, and replaced by fal's URL.
 */
public final class InputImages {

    private static final Logger log = LoggerFactory.getLogger(InputImages.class);

    private final boolean enabled;
    private final ImageFetcher fetcher;
    private final OwnStorage ownStorage;
    private final boolean alwaysUpload;
    private final FalClient fal;
    private final Duration falLifetime;

    InputImages(
            boolean enabled,
            ImageFetcher fetcher,
            OwnStorage ownStorage,
            boolean alwaysUpload,
            FalClient fal,
            Duration falLifetime) {
        this.enabled = enabled;
        this.fetcher = fetcher;
        this.ownStorage = ownStorage;
        this.alwaysUpload = alwaysUpload;
        this.fal = fal;
        this.falLifetime = falLifetime;
    }

    /**
     * Checks, and where needed uploads, every input image of {@code falInput}, replacing uploaded URLs in place.
     *
     * @throws InputImageException when an image cannot be used (the job fails)
     * @throws dev.darkroom.falclient.errors.FalException when the upload to fal fails
     */
    public void resolve(ModelSpec model, ObjectNode falInput) {
        if (!enabled) {
            return;
        }
        for (String field : imageFields(model)) {
            JsonNode value = falInput.get(field);
            if (value != null && !value.isNull()) {
                resolveOne(field, value.asString(), falInput);
            }
        }
    }

    private void resolveOne(String field, String value, ObjectNode falInput) {
        URI url = parse(field, value);
        boolean own = ownStorage.owns(url);
        FetchedImage image = fetcher.fetch(field, url, own);
        if (own || alwaysUpload) {
            // fal deletes the copy once the job can no longer be running (docs/fal-protocol.md#storage)
            String falUrl = fal.upload(
                    image.bytes(), image.contentType(), field + "." + extension(image.contentType()), falLifetime);
            falInput.put(field, falUrl);
            log.debug("uploaded {} ({} bytes, {}) to fal storage", field, image.bytes().length, image.contentType());
        }
    }

    /** fal input fields holding an image URL: the catalog's {@code uri} strings named {@code ..image_url}. */
    static List<String> imageFields(ModelSpec model) {
        return model.parameters().values().stream()
                .filter(p -> p.type() == ParamType.STRING && "uri".equals(p.format()))
                .map(ParameterSpec::falName)
                .filter(name -> name.endsWith("image_url"))
                .toList();
    }

    private static URI parse(String field, String value) {
        try {
            return new URI(value.trim());
        } catch (java.net.URISyntaxException e) {
            throw new InputImageException(field, "The input image " + field + " is not a valid URL.");
        }
    }

    /** A file extension fal's storage can serve the type under. */
    static String extension(String contentType) {
        String subtype = contentType.substring(contentType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        int plus = subtype.indexOf('+');
        if (plus >= 0) {
            subtype = subtype.substring(0, plus);
        }
        if (subtype.equals("jpeg") || subtype.equals("pjpeg")) {
            return "jpg";
        }
        return subtype.matches("[a-z0-9]{1,10}") ? subtype : "img";
    }
}
