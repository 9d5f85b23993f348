package dev.darkroom.falsim.faults;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Renders an {@link IngressFault} raised after the filter (a submit whose answer is lost) as the same HTML page. */
@ControllerAdvice
class IngressFaultAdvice {

    @ExceptionHandler(IngressFault.class)
    void ingress(IngressFault fault, HttpServletResponse response) throws IOException {
        IngressFaultFilter.write(response, fault);
    }
}
