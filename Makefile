# The two commands of the README. Both set everything up on a fresh Debian machine.
.PHONY: demo test lint bench eval setup setup-test

VENV := .venv/bin
CORPUS := $(wildcard corpus/*.txt corpus/*.docx corpus/*.pdf)
REPORTS := $(filter-out %.json,$(wildcard corpus/reports/*22-3*))

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

demo: setup
	@mkdir -p out
	@$(VENV)/decree extract $(CORPUS) -o out/corpus.jsonl || true
	@$(VENV)/decree extract --format text corpus/sample-drsop-22-3.txt > out/sample-drsop-22-3.txt
	@$(VENV)/decree eval corpus/ > out/eval.txt
	@$(VENV)/decree check corpus/sample-drsop-22-3.txt $(REPORTS) > out/check-22-3.txt
	@$(VENV)/decree check corpus/sample-drsop-22-3.txt $(REPORTS) --format xlsx -o out/check-22-3.xlsx
	@cat out/sample-drsop-22-3.txt
	@echo
	@cat out/check-22-3.txt
	@echo
	@cat out/eval.txt
	@echo
	@echo "demo: the structure of every corpus document is in out/corpus.jsonl (JSON Lines)," \
	      "a readable summary of the sample decree in out/sample-drsop-22-3.txt," \
	      "the status of its directives by organization in out/check-22-3.txt and .xlsx," \
	      "the evaluation against the gold in out/eval.txt"

test: setup-test
	@$(VENV)/python -m pytest -q

lint: setup
	@$(VENV)/ruff check decree tests bench
	@$(VENV)/ruff format --check decree tests bench

eval: setup
	@$(VENV)/decree eval corpus/ --details

bench: setup
	@$(VENV)/python bench/bench_extract.py
