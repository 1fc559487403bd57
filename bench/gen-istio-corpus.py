#!/usr/bin/env python3
"""An Istio corpus for gwc's benchmarks: N VirtualServices on a few ingress Gateways, with
DestinationRule subsets and Services, plus a JSON Lines file of requests to them.

  bench/gen-istio-corpus.py OUT_DIR [--virtualservices 1000] [--requests 100000] [--seed 1]

Writes OUT_DIR/{gateways,routes,destinations,services}.yaml and OUT_DIR.requests.jsonl. Each
VirtualService has its own host and four http rules (an exact path, a prefix with a header
condition, a prefix split between two subsets, a catch-all); requests hit every kind of rule and
some miss (unknown hosts and paths)."""
import argparse
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--virtualservices", type=int, default=1000)
    ap.add_argument("--requests", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    gateways = 10
    with open(os.path.join(a.out, "gateways.yaml"), "w") as f:
        for g in range(gateways):
            f.write(
                "---\napiVersion: networking.istio.io/v1\nkind: Gateway\n"
                f"metadata:\n  name: gw-{g:02d}\n  namespace: edge\n"
                "spec:\n  selector:\n    istio: ingressgateway\n  servers:\n"
                f"  - port: {{number: 80, name: http-{g:02d}, protocol: HTTP}}\n"
                f"    hosts: [\"*/*.team-{g:02d}.example.com\"]\n")
    with open(os.path.join(a.out, "routes.yaml"), "w") as r, \
            open(os.path.join(a.out, "destinations.yaml"), "w") as d, \
            open(os.path.join(a.out, "services.yaml"), "w") as s:
        for i in range(a.virtualservices):
            g = i % gateways
            ns = f"app-{i % 50:02d}"
            host = f"svc{i:04d}.team-{g:02d}.example.com"
            r.write(
                "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                f"metadata:\n  name: vs-{i:04d}\n  namespace: {ns}\n"
                f"spec:\n  hosts: [{host}]\n  gateways: [edge/gw-{g:02d}]\n  http:\n"
                "  - match:\n    - uri: {exact: /health}\n    directResponse: {status: 204}\n"
                "  - match:\n    - uri: {prefix: /api/v2/}\n      headers:\n"
                "        x-canary: {exact: \"yes\"}\n"
                f"    route:\n    - destination: {{host: api-{i:04d}, subset: canary, port: {{number: 8080}}}}\n"
                "  - match:\n    - uri: {prefix: /api/}\n    - uri: {regex: \"/v[0-9]+/items/.*\"}\n"
                f"    route:\n    - destination: {{host: api-{i:04d}, subset: stable, port: {{number: 8080}}}}\n"
                "      weight: 90\n"
                f"    - destination: {{host: api-{i:04d}, subset: canary, port: {{number: 8080}}}}\n"
                "      weight: 10\n"
                f"  - route:\n    - destination: {{host: web-{i:04d}, port: {{number: 80}}}}\n")
            d.write(
                "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\n"
                f"metadata:\n  name: api-{i:04d}\n  namespace: {ns}\n"
                f"spec:\n  host: api-{i:04d}\n  subsets:\n"
                "  - name: stable\n    labels: {track: stable}\n"
                "  - name: canary\n    labels: {track: canary}\n")
            for name, port in ((f"api-{i:04d}", 8080), (f"web-{i:04d}", 80)):
                s.write(
                    "---\napiVersion: v1\nkind: Service\n"
                    f"metadata:\n  name: {name}\n  namespace: {ns}\n"
                    f"spec:\n  selector: {{app: {name}}}\n  ports:\n  - {{name: http, port: {port}}}\n")
    paths = ["/health", "/api/v2/orders", "/api/users/7", "/v1/items/42", "/", "/cart", "/static/a.js"]
    with open(a.out.rstrip("/") + ".requests.jsonl", "w") as f:
        for _ in range(a.requests):
            i = rnd.randrange(a.virtualservices)
            g = i % gateways
            host = f"svc{i:04d}.team-{g:02d}.example.com" if rnd.random() > 0.02 else "unknown.example.org"
            path = rnd.choice(paths)
            headers = '"x-canary": "yes", ' if rnd.random() < 0.3 else ""
            f.write(
                f'{{"method": "GET", "scheme": "http", "host": "{host}", "port": 80, "path": "{path}",'
                f' "headers": {{{headers}"user-agent": "curl/8.5.0"}}}}\n')


if __name__ == "__main__":
    main()
