"""Reading, segmentation, embedding and sentence alignment for zh→en bitexts.

Nothing heavy is imported here: models and lexicons load lazily inside the
stage that needs them, so ``import align`` stays instant.
"""
