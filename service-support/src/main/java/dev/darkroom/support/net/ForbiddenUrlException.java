package dev.darkroom.support.net;

import dev.darkroom.support.problems.DarkroomException;
import java.util.Map;

/** A tenant-supplied URL Darkroom will not call. */
public class ForbiddenUrlException extends DarkroomException {

    public ForbiddenUrlException(String url, String reason) {
        super(422, "forbidden_url", "refusing to call " + url + ": " + reason, Map.of("reason", reason));
    }
}
