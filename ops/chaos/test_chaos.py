"""Tests of chaos.py's summary arithmetic: python3 -m unittest ops/chaos/test_chaos.py"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chaos import fal_submissions  # noqa: E402


def record(job_id):
    return {"request_id": "r", "webhook_url": f"http://127.0.0.1:8084/fal/webhooks/{job_id}?token=t"}


class FalSubmissionsTest(unittest.TestCase):

    def test_one_record_per_job_is_one_submission_per_job(self):
        self.assertEqual(fal_submissions([record("a"), record("b")], ["a", "b"]), (1.0, 0))

    def test_a_job_submitted_twice_raises_the_average_and_is_counted(self):
        self.assertEqual(fal_submissions([record("a"), record("a"), record("b")], ["a", "b"]), (1.5, 1))

    def test_records_of_other_runs_and_without_webhooks_are_ignored(self):
        records = [record("a"), record("other"), {"request_id": "x", "webhook_url": None}, {"request_id": "y"}]
        self.assertEqual(fal_submissions(records, ["a"]), (1.0, 0))

    def test_no_records_gives_zero(self):
        self.assertEqual(fal_submissions([], ["a"]), (0.0, 0))


if __name__ == "__main__":
    unittest.main()
