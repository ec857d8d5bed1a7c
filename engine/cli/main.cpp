// SPDX-License-Identifier: EUPL-1.2
int main() { return 0; }
