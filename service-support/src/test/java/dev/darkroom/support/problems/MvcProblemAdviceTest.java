package dev.darkroom.support.problems;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class MvcProblemAdviceTest {

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new MvcProblemAdvice())
            .build();

    @Test
    void aLostRaceBetweenTwoUpdatesIsAConflictToRetry() throws Exception {
        mvc.perform(get("/race"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("concurrent_update"))
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void anythingUnexpectedIsAnInternalErrorWithoutInternals() throws Exception {
        mvc.perform(get("/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("internal_error"))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred."));
    }

    @RestController
    static class Failing {

        @GetMapping("/race")
        String race() {
            throw new OptimisticLockingFailureException("row was updated by another transaction");
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("secret internals");
        }
    }
}
