package dev.darkroom.support.problems;

/** Something that does not exist, or that the caller may not see (which must look the same). */
public class NotFoundException extends DarkroomException {

    public NotFoundException(String code, String detail) {
        super(404, code, detail);
    }
}
