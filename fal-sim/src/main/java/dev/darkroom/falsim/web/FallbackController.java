package dev.darkroom.falsim.web;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Anything under fal's hosts that the simulator does not serve gets fal's FastAPI-style 404. */
@RestController
class FallbackController {

    @RequestMapping({"/queue/**", "/rest/**", "/cdn/**"})
    void notFound() {
        throw FalHttpException.detail(404, "Not Found");
    }
}
