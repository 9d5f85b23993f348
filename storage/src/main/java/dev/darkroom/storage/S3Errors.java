package dev.darkroom.storage;

import io.minio.errors.ErrorResponseException;
import java.util.Set;

/** Reads S3 error codes out of the MinIO client's exceptions. */
final class S3Errors {

    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchObject", "ResourceNotFound");

    private S3Errors() {}

    static boolean hasCode(Throwable e, String... codes) {
        String code = code(e);
        return code != null && Set.of(codes).contains(code);
    }

    static String code(Throwable e) {
        return e instanceof ErrorResponseException error && error.errorResponse() != null
                ? error.errorResponse().code()
                : null;
    }

    /** A named exception for an object that is not there, a plain one otherwise. */
    static StorageException translate(String key, String message, Exception e) {
        if (NOT_FOUND.contains(code(e))) {
            return new ObjectNotFoundException(key, e);
        }
        return new StorageException(key, message + ": " + e.getMessage(), e);
    }
}
