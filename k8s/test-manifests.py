#!/usr/bin/env python3
"""Checks the Kubernetes manifests against the apps, without a cluster.

No cluster runs on the project's machines, so this test does the next best thing:
  1. reads k8s/*.yaml and checks them against the Dockerfiles and docker-compose.yml: images, user,
     port, probe paths, the Service wiring, the init container's dependency check, the security
     context, resources, and an emptyDir for every path Liberty writes;
  2. runs each pod's containers on the real Docker engine as the manifests describe them (image,
     command, env, user, read-only root filesystem with the emptyDirs as tmpfs, the Service name as a
     network alias) and checks that every probe path answers as the kubelet expects, on a healthy API,
     then on a broken one (liveness DOWN, so Kubernetes would restart it; the web's liveness UP).
Everything it starts is removed, also when a check fails. Prints "k8s: N passed, N failed".
"""
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "numbers-k8s-test"
results = {"passed": 0, "failed": 0}


def check(description, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"  {'PASS' if ok else 'FAIL'} {description}" + ("" if ok or not detail else f": {detail}"))
    return ok


def docker(*args, check_rc=True):
    run = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=120)
    if check_rc and run.returncode != 0:
        raise RuntimeError(f"docker {' '.join(args)}: {run.stderr.strip()}")
    return run


def load(name):
    documents = [d for d in yaml.safe_load_all((ROOT / "k8s" / name).read_text()) if d]
    return {d["kind"]: d for d in documents}


def dockerfile():
    text = (ROOT / "Dockerfile").read_text()
    user = re.search(r"^USER (\d+):(\d+)", text, re.M)
    port = re.search(r"^EXPOSE (\d+)", text, re.M)
    return {"uid": int(user.group(1)), "gid": int(user.group(2)), "port": int(port.group(1))}


def compose_image(service):
    image = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"][service]["image"]
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", image)


def static_checks(app, manifests):
    print(f"k8s: {app}: the manifest against the Dockerfile and docker-compose.yml")
    deployment, service = manifests["Deployment"], manifests["Service"]
    pod = deployment["spec"]["template"]["spec"]
    container = pod["containers"][0]
    image = dockerfile()
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    check("the image is the one docker-compose.yml builds", container["image"] == compose_image(app), container["image"])
    check("it runs as the image's user", pod["securityContext"].get("runAsUser") == image["uid"]
          and pod["securityContext"].get("runAsGroup") == image["gid"] and pod["securityContext"].get("runAsNonRoot") is True)
    check("the container port is the image's", ports.get("http") == image["port"], str(ports))
    for probe, path in (("startupProbe", "/health/started"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready")):
        get = container.get(probe, {}).get("httpGet", {})
        check(f"{probe} asks {path} on the http port", get.get("path") == path and get.get("port") == "http", str(get))
    security = container.get("securityContext", {})
    check("read-only root filesystem, no privilege escalation, no capabilities",
          security.get("readOnlyRootFilesystem") is True and security.get("allowPrivilegeEscalation") is False
          and security.get("capabilities", {}).get("drop") == ["ALL"])
    resources = container.get("resources", {})
    check("resource requests and limits", {"cpu", "memory"} <= set(resources.get("requests", {}))
          and {"cpu", "memory"} <= set(resources.get("limits", {})))
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    mounts = {m["mountPath"] for m in container.get("volumeMounts", [])}
    empty_dirs = {v["name"] for v in pod.get("volumes", []) if "emptyDir" in v}
    check("Liberty's output directory and /tmp are emptyDirs",
          {env.get("WLP_OUTPUT_DIR"), "/tmp"} <= mounts
          and all(m["name"] in empty_dirs for m in container["volumeMounts"]), f"{env.get('WLP_OUTPUT_DIR')} {mounts}")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    check("the Service selects the pods and targets the http port",
          all(labels.get(k) == v for k, v in service["spec"]["selector"].items())
          and service["spec"]["ports"][0]["targetPort"] == "http")
    return container, pod


def run_container(name, spec, network, alias=None, command=None, detach=True):
    # Values only: a secretKeyRef (optional, like the monitor password) has no Secret to read here.
    env = {e["name"]: e["value"] for e in spec.get("env", []) if "value" in e}
    args = ["run", "--name", f"{PREFIX}-{name}", "--network", network, "--read-only",
            "--user", f"{spec['_uid']}:{spec['_gid']}"]
    for mount in spec.get("volumeMounts", []):
        args += ["--tmpfs", f"{mount['mountPath']}:mode=1777"]
    for key, value in env.items():
        args += ["-e", f"{key}={value}"]
    if alias:
        args += ["--network-alias", alias]
    if detach:
        args += ["-d", "-p", "127.0.0.1::9080"]
    else:
        args += ["--rm"]
    args.append(spec["image"])
    args += command if command is not None else spec.get("command", [])
    return docker(*args, check_rc=detach)


def host_url(name):
    mapping = docker("port", f"{PREFIX}-{name}", "9080/tcp").stdout.strip().splitlines()[0]
    return "http://" + mapping


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (urllib.error.URLError, OSError):
        return 0, ""


def wait_for(url, expected, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        code, body = status(url)
        if code == expected:
            return True
        time.sleep(0.5)
    return False


def probe_budget(container, probe):
    settings = container[probe]
    return settings["periodSeconds"] * settings["failureThreshold"]


def run_checks(api_container, api_pod, web_container, web_pod):
    network = f"{PREFIX}-net"
    docker("network", "create", network)
    for container, pod in ((api_container, api_pod), (web_container, web_pod)):
        container["_uid"], container["_gid"] = pod["securityContext"]["runAsUser"], pod["securityContext"]["runAsGroup"]
    print("k8s: the pods on the real engine, as the manifests describe them (no cluster here)")
    run_container("api", api_container, network, alias="numbers-api")
    api = host_url("api")
    check(f"numbers-api: /health/started answers 200 within the startupProbe's {probe_budget(api_container, 'startupProbe')} s",
          wait_for(api + "/health/started", 200, probe_budget(api_container, "startupProbe")))
    check("numbers-api: /health/live and /health/ready answer 200",
          wait_for(api + "/health/live", 200, 10) and wait_for(api + "/health/ready", 200, 10))

    init = web_pod["initContainers"][0]
    init["_uid"], init["_gid"] = web_container["_uid"], web_container["_gid"]
    started = time.monotonic()
    waited = run_container("init", init, network, command=init["command"], detach=False)
    check(f"numbers-web's init container passes its dependency check ({time.monotonic() - started:.1f} s)",
          waited.returncode == 0 and "-> all UP" in waited.stdout, waited.stdout + waited.stderr)

    run_container("web", web_container, network)
    web = host_url("web")
    check(f"numbers-web: /health/started answers 200 within the startupProbe's {probe_budget(web_container, 'startupProbe')} s",
          wait_for(web + "/health/started", 200, probe_budget(web_container, "startupProbe")))
    check("numbers-web: /health/live and /health/ready answer 200 (the API is reachable through its Service name)",
          wait_for(web + "/health/live", 200, 10) and wait_for(web + "/health/ready", 200, 10))
    code, body = status(web + "/api/number")
    check("numbers-web serves a number", code == 200 and "number" in json.loads(body or "{}"), body)

    for _ in range(4):
        status(api + "/rng")
    code, body = status(api + "/health/live")
    check("a broken API fails its livenessProbe (503), so Kubernetes restarts it", code == 503 and "numbers-api" in body, body)
    check("and its readinessProbe, so the Service stops sending it traffic", status(api + "/health/ready")[0] == 503)
    check("the web's livenessProbe stays UP: the web is not restarted for the API's sake", status(web + "/health/live")[0] == 200)
    check("the web's readinessProbe follows the API (DOWN)", wait_for(web + "/health/ready", 503, 10))


def cleanup():
    for name in ("api", "web", "init"):
        docker("rm", "-f", f"{PREFIX}-{name}", check_rc=False)
    docker("network", "rm", f"{PREFIX}-net", check_rc=False)


def main():
    if subprocess.run(["docker", "info"], capture_output=True).returncode != 0:
        print("k8s: no Docker engine answers: the manifest checks run the images on one (as root: .ci/install-docker.sh)", file=sys.stderr)
        return 1
    api_container, api_pod = static_checks("numbers-api", load("numbers-api.yaml"))
    web_container, web_pod = static_checks("numbers-web", load("numbers-web.yaml"))
    init = web_pod.get("initContainers", [{}])[0]
    check("numbers-web's init container runs the probe's wait on numbers.api.url",
          init.get("image") == web_container["image"]
          and init.get("command", [])[2:7] == ["-jar", "/opt/probe/probe.jar", "wait", "-c", "numbers.api.url"])
    check("the web finds the API through the API's Service",
          {e["name"]: e.get("value") for e in web_container["env"]}.get("NUMBERS_API_URL") == "http://numbers-api:9080")
    for image in (api_container["image"], web_container["image"]):
        if docker("image", "inspect", image, check_rc=False).returncode != 0:
            print(f"k8s: image {image} is missing: build it first (docker compose build)", file=sys.stderr)
            return 1
    cleanup()
    try:
        run_checks(api_container, api_pod, web_container, web_pod)
    except Exception as error:  # one line, and the cleanup still runs
        check("the pods ran", False, str(error))
    finally:
        cleanup()
    print(f"k8s: {results['passed']} passed, {results['failed']} failed")
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
