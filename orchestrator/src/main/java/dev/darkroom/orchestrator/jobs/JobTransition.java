package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.jobs.JobStatus;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state a job entered, when, and why. Never updated. */
@Entity
@Table(name = "job_transition")
class JobTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "job_id")
    private Job job;

    @Convert(converter = JobStatusConverter.class)
    private JobStatus fromStatus;

    @Convert(converter = JobStatusConverter.class)
    private JobStatus toStatus;

    private Instant at;

    private String reason;

    protected JobTransition() {}

    JobTransition(Job job, JobStatus from, JobStatus to, Instant at, String reason) {
        this.job = job;
        this.fromStatus = from;
        this.toStatus = to;
        this.at = at;
        this.reason = reason;
    }

    public JobStatus fromStatus() {
        return fromStatus;
    }

    public JobStatus toStatus() {
        return toStatus;
    }

    public Instant at() {
        return at;
    }

    public String reason() {
        return reason;
    }
}
