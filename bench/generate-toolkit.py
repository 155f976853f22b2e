#!/usr/bin/env python3
"""Writes N toolkit resources as content files into a folder, for the benchmark: bench/run.sh."""
import os
import random
import sys

DIMENSIONS = ["wages", "benefits", "scheduling", "legal-rights", "equity-inclusion",
              "skills-advancement", "supportive-environment", "worker-voice"]
FIELDS = ["workforce-development", "economic-development", "capital-deployment", "policy",
          "worker-advocacy", "business", "higher-education"]
TYPES = ["guide", "tool", "worksheet", "case-study", "framework", "checklist", "template"]
WORDS = ("wage floor schedule notice benefit leave advancement training voice survey equity "
         "retention turnover employer board college lender investor policy standard living "
         "family hours predictable career ladder coaching supervisor safety rights").split()


def main(folder: str, count: int) -> None:
    random.seed(2027)
    toolkit = os.path.join(folder, "toolkit")
    os.makedirs(toolkit, exist_ok=True)
    for i in range(count):
        words = random.sample(WORDS, 6)
        dims = random.sample(DIMENSIONS, random.randint(1, 3))
        audiences = random.sample(FIELDS, random.randint(1, 2))
        body = "\n\n".join(" ".join(random.choices(WORDS, k=60)).capitalize() + "." for _ in range(4))
        with open(os.path.join(toolkit, f"resource-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write("---\n")
            f.write(f"title: {' '.join(words[:4]).capitalize()} {i}\n")
            f.write(f"summary: A generated resource about {words[4]} and {words[5]}.\n")
            f.write(f"type: {random.choice(TYPES)}\n")
            f.write(f"dimensions: [{', '.join(dims)}]\n")
            f.write(f"audiences: [{', '.join(audiences)}]\n")
            f.write(f"published: 2025-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}\n")
            f.write("example: true\n")
            f.write("---\n\n## Why it matters\n\n" + body + "\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
