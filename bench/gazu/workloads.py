"""gazu's side of the real-mode benchmark (pnpm bench with TRACKER_URL): W1-W4 with gazu 1.1.12.

Run inside the Zou lab chroot, through the bench's counting proxy:
    python3 workloads.py API PROJECT WORKLOAD PREVIEW [RUN]
API is the proxy's API URL, PROJECT the bench project (sequence sq010, shots sh0010..., with
Layout/Animation/Lighting tasks), WORKLOAD one of w1 w2 w3 w4, PREVIEW a PNG path readable here,
RUN a suffix that keeps the names W4 creates unique (W4 gets a project of its own, so that
the shots it creates do not change W3). The proxy counts the requests: the script
resets its counters (POST /__bench/mark) just before the timed part and prints one JSON line,
{"workload": ..., "ms": ...}. Each workload is the way a TD writes it with gazu:

w1  fresh session: login, project, sequence, shot, task type, task, status by name, then
    comment + preview + main preview (gazu's publish steps: comment, add-preview, upload, set-main)
w2  the same publish on a warm session, task and status in hand
w3  every shot of the project with its tasks (one list of shots, then each shot's tasks)
w4  a new sequence and 100 shots in it (gazu.shot.new_shot: a lookup, then the create)
"""

import json
import sys
import time
import urllib.request

import gazu

API, PROJECT, WORKLOAD, PREVIEW = sys.argv[1:5]
RUN = sys.argv[5] if len(sys.argv) > 5 else "0"
EMAIL, PASSWORD = "admin@example.com", "mysecretpassword"
SHOTS_TO_CREATE = 100


def mark():
    """Resets the proxy's request counters: what follows is what the workload costs."""
    origin = API.rstrip("/")[: -len("/api")] if API.rstrip("/").endswith("/api") else API
    urllib.request.urlopen(urllib.request.Request(f"{origin}/__bench/mark", method="POST")).read()


def publish(task, status):
    comment = gazu.task.add_comment(task, status, "Blocking pass (gazu)")
    preview = gazu.task.add_preview(task, comment, PREVIEW)
    gazu.task.set_main_preview(preview)


def w1():
    gazu.log_in(EMAIL, PASSWORD)
    project = gazu.project.get_project_by_name(PROJECT)
    sequence = gazu.shot.get_sequence_by_name(project, "sq010")
    shot = gazu.shot.get_shot_by_name(sequence, "sh0010")
    task_type = gazu.task.get_task_type_by_name("Animation")
    task = gazu.task.get_task_by_entity(shot, task_type)
    status = gazu.task.get_task_status_by_short_name("wfa")
    publish(task, status)


def task_and_status():
    """The task and status W2 has in hand, looked up outside the timed part."""
    project = gazu.project.get_project_by_name(PROJECT)
    sequence = gazu.shot.get_sequence_by_name(project, "sq010")
    shot = gazu.shot.get_shot_by_name(sequence, "sh0010")
    task = gazu.task.get_task_by_entity(shot, gazu.task.get_task_type_by_name("Animation"))
    return task, gazu.task.get_task_status_by_short_name("wip")


def w3(project):
    shots = gazu.shot.all_shots_for_project(project)
    return sum(len(gazu.task.all_tasks_for_shot(shot)) for shot in shots)


def w4(project):
    sequence = gazu.shot.new_sequence(project, f"gz{RUN}")
    for i in range(SHOTS_TO_CREATE):
        gazu.shot.new_shot(project, sequence, f"new{i + 1:04d}")


gazu.set_host(API)
if WORKLOAD == "w1":
    mark()
    start = time.perf_counter()
    w1()
elif WORKLOAD in ("w2", "w3", "w4"):
    # A warm session: login and lookups outside the timed part, as in a long-running tool.
    gazu.log_in(EMAIL, PASSWORD)
    if WORKLOAD == "w2":
        task, status = task_and_status()
        mark()
        start = time.perf_counter()
        publish(task, status)
    else:
        project = gazu.project.get_project_by_name(PROJECT)
        mark()
        start = time.perf_counter()
        if WORKLOAD == "w3":
            w3(project)
        else:
            w4(project)
else:
    sys.exit(f"unknown workload {WORKLOAD}: use w1, w2, w3 or w4")
elapsed = (time.perf_counter() - start) * 1000
print(json.dumps({"workload": WORKLOAD, "ms": round(elapsed, 1)}), flush=True)
