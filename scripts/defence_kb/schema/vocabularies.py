"""The closed lists of values a field may take, each with the Vietnamese label the site shows."""

from __future__ import annotations

from enum import Enum


class Vocabulary(str, Enum):  # noqa: UP042 - StrEnum's __new__ cannot carry a label
    """An enumeration whose members carry the Vietnamese label the site shows."""

    label: str

    def __new__(cls, value: str, label: str) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Status(Vocabulary):
    occurred = ("occurred", "Đã diễn ra")
    ongoing = ("ongoing", "Đang diễn ra")
    planned = ("planned", "Kế hoạch, dự kiến")
    intended = ("intended", "Chủ trương, ý định")
    invited = ("invited", "Lời mời")


class EventKind(Vocabulary):
    meeting = ("meeting", "Hội nghị, cuộc gặp")
    exchange = ("exchange", "Giao lưu, trao đổi")
    conference = ("conference", "Hội thảo, diễn đàn")
    exercise = ("exercise", "Diễn tập")
    visit = ("visit", "Chuyến thăm")
    deployment = ("deployment", "Triển khai lực lượng")
    expo = ("expo", "Triển lãm")
    competition = ("competition", "Hội thao")
    training = ("training", "Huấn luyện, đào tạo")
    assistance = ("assistance", "Hỗ trợ, viện trợ")
    role = ("role", "Đảm nhiệm cương vị")
    relations = ("relations", "Quan hệ, hợp tác")
    other = ("other", "Khác")


class AgreementKind(Vocabulary):
    agreement = ("agreement", "Hiệp định")
    framework_agreement = ("framework_agreement", "Thỏa thuận khung")
    memorandum = ("memorandum", "Bản ghi nhớ")
    joint_statement = ("joint_statement", "Tuyên bố chung")
    vision_statement = ("vision_statement", "Tuyên bố tầm nhìn chung")
    concept_paper = ("concept_paper", "Tài liệu khái niệm")
    protocol = ("protocol", "Nghị định thư")
    cooperation_plan = ("cooperation_plan", "Chương trình, kế hoạch hợp tác")
    other = ("other", "Văn kiện khác")


class PositionKind(Vocabulary):
    policy = ("policy", "Chính sách, đường lối")
    principle = ("principle", "Nguyên tắc, phương châm")
    assessment = ("assessment", "Nhận định, đánh giá")
    task = ("task", "Nhiệm vụ, giải pháp")


class UnitType(Vocabulary):
    field_hospital = ("field_hospital", "Bệnh viện dã chiến")
    engineering_unit = ("engineering_unit", "Đội công binh")
    staff_officers = ("staff_officers", "Sĩ quan tham mưu")
    military_observers = ("military_observers", "Quan sát viên quân sự")
    individual_officers = ("individual_officers", "Sĩ quan cá nhân")
    trainers = ("trainers", "Chuyên gia, giảng viên")
    rescue_force = ("rescue_force", "Lực lượng cứu hộ, cứu nạn")
    mixed = ("mixed", "Nhiều hình thức")
    other = ("other", "Khác")


class DocType(Vocabulary):
    resolution = ("resolution", "Nghị quyết")
    conclusion = ("conclusion", "Kết luận")
    directive = ("directive", "Chỉ thị")
    law = ("law", "Luật")
    circular = ("circular", "Thông tư")
    decree = ("decree", "Nghị định")
    decision = ("decision", "Quyết định")
    strategy = ("strategy", "Chiến lược")
    congress_document = ("congress_document", "Văn kiện Đại hội")
    other = ("other", "Văn bản khác")


class EntityKind(Vocabulary):
    country = ("country", "Quốc gia")
    organisation = ("organisation", "Tổ chức, cơ quan")
    person = ("person", "Cá nhân")
    place = ("place", "Khu vực, địa bàn")


class Qualifier(Vocabulary):
    exact = ("exact", "")
    more_than = ("more_than", "hơn")
    at_least = ("at_least", "ít nhất")
    about = ("about", "khoảng")


class PublishedKind(Vocabulary):
    """What the date printed with a source is: the article's own date, or a date the page
    that republished it prints, which may be the reposting date."""

    article = ("article", "ngày đăng bài")
    page = ("page", "ngày ghi trên trang đăng lại")


class ParagraphKind(Vocabulary):
    heading = ("heading", "Tiêu đề")
    lead = ("lead", "Sa-pô")
    body = ("body", "Nội dung")
    footnote = ("footnote", "Chú thích")
    caption = ("caption", "Chú thích ảnh")
    sidebar = ("sidebar", "Tin liên quan")
    meta = ("meta", "Thông tin bài")
