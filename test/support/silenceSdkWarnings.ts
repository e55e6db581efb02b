import '../../src/main/quietSdkNotices'
